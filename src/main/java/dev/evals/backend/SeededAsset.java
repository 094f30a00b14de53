package dev.evals.backend;

/**
 * A script or flow put into the workspace before the preview.
 *
 * @param kind {@code script} or {@code flow}
 * @param path its Windmill path (without a file extension)
 * @param action {@code created}, or {@code updated} when the path was taken
 * @param hash the deployed script hash, or null for a flow
 */
record SeededAsset(String kind, String path, String action, String hash) {}
