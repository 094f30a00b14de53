package dev.evals.modes;

import dev.evals.cases.PreviewExpect;
import java.util.Objects;

/**
 * A preview of one script.
 *
 * @param language the script's Windmill language ({@code bun}, {@code python3}, ...)
 * @param content the script's code
 */
public record ScriptPreview(String language, String content, PreviewJob job)
    implements PreviewRequest {

  public ScriptPreview {
    Objects.requireNonNull(language, "a script preview needs a language");
    Objects.requireNonNull(content, "a script preview needs content");
    Objects.requireNonNull(job, "job");
  }

  @Override
  public String kind() {
    return "script";
  }

  @Override
  public ScriptPreview withExpect(PreviewExpect wanted) {
    return new ScriptPreview(language, content, job.withExpect(wanted));
  }
}
