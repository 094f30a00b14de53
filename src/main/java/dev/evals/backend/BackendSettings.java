package dev.evals.backend;

import dev.evals.config.Environment;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how backend previews run, read from the same variables as Windmill's own ai_evals.
 *
 * @param baseUrls Windmill servers; attempts are spread over them round-robin
 * @param email the login of a super admin (workspaces are created and deleted)
 * @param password that user's password
 * @param sharedWorkspace an existing workspace to reuse for every preview, or null for a fresh
 *     workspace per preview
 * @param keepWorkspaces keep isolated workspaces (and shared seeds) after the preview, to inspect
 * @param workspacePrefix the prefix of isolated workspace ids
 * @param previewTimeout how long a job may run when the case does not say
 */
public record BackendSettings(
    List<String> baseUrls,
    String email,
    String password,
    String sharedWorkspace,
    boolean keepWorkspaces,
    String workspacePrefix,
    Duration previewTimeout) {

  public static final String DEFAULT_URL = "http://127.0.0.1:8000";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  public BackendSettings {
    baseUrls = baseUrls.stream().map(BackendSettings::normalizeUrl).toList();
    if (baseUrls.isEmpty()) {
      throw new IllegalArgumentException("at least one Windmill base URL is needed");
    }
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
    sharedWorkspace =
        sharedWorkspace == null || sharedWorkspace.isBlank() ? null : sharedWorkspace.trim();
    workspacePrefix = sanitizePrefix(workspacePrefix);
    previewTimeout = previewTimeout == null ? DEFAULT_TIMEOUT : previewTimeout;
  }

  public static BackendSettings from(Environment env) {
    List<String> urls =
        Arrays.stream(env.getOrDefault("WMILL_AI_EVAL_BACKEND_URL", DEFAULT_URL).split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    return new BackendSettings(
        urls,
        env.getOrDefault("WMILL_AI_EVAL_BACKEND_EMAIL", "admin@windmill.dev"),
        env.getOrDefault("WMILL_AI_EVAL_BACKEND_PASSWORD", "changeme"),
        env.get("WMILL_AI_EVAL_BACKEND_WORKSPACE").orElse(null),
        env.get("WMILL_AI_EVAL_KEEP_WORKSPACES").map(BackendSettings::truthy).orElse(false),
        env.getOrDefault("WMILL_AI_EVAL_WORKSPACE_PREFIX", "ai-evals"),
        env.get("WMILL_AI_EVAL_BACKEND_MAX_WAIT_MS")
            .map(BackendSettings::positiveMillis)
            .orElse(DEFAULT_TIMEOUT));
  }

  /** The same settings with another default preview timeout ({@code --preview-timeout}). */
  public BackendSettings withPreviewTimeout(Duration timeout) {
    return new BackendSettings(
        baseUrls, email, password, sharedWorkspace, keepWorkspaces, workspacePrefix, timeout);
  }

  public boolean shared() {
    return sharedWorkspace != null;
  }

  private static String normalizeUrl(String url) {
    return url.trim().replaceAll("/+$", "");
  }

  private static String sanitizePrefix(String prefix) {
    String clean =
        prefix == null
            ? ""
            : prefix
                .trim()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
    return clean.isEmpty() ? "ai-evals" : clean;
  }

  private static boolean truthy(String value) {
    return List.of("1", "true", "yes", "on").contains(value.toLowerCase(Locale.ROOT));
  }

  private static Duration positiveMillis(String value) {
    try {
      long millis = Long.parseLong(value);
      return millis > 0 ? Duration.ofMillis(millis) : DEFAULT_TIMEOUT;
    } catch (NumberFormatException e) {
      return DEFAULT_TIMEOUT;
    }
  }
}
