package dev.evals.report;

/**
 * Of a {@link Summary}: which suite and which tool.
 *
 * @param gitSha commit of the cases root (GITHUB_SHA in CI), or null
 * @param casesFileDigest sha-256 of the case file when the run started, or null
 * @param toolVersion the version of this tool that ran it, or null when not recorded
 * @param toolCommit the commit this tool was built from, or null when not recorded
 */
public record SummaryProvenance(
    String gitSha, String casesFileDigest, String toolVersion, String toolCommit) {}
