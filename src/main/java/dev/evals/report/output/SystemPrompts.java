package dev.evals.report.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The system prompts of one run, each written once as {@code system-prompt-<digest>.html} in the
 * run folder however many attempts used it (a mode may give cases different prompts, so a page per
 * distinct prompt), instead of once per attempt.
 */
final class SystemPrompts {

  private final ReportPlace place;
  private final Map<String, Integer> uses = new LinkedHashMap<>();

  /**
   * Each distinct prompt's page name: a prompt is tens of kilobytes sent in every attempt, and
   * comparing it with the few seen costs far less than hashing it again for each attempt.
   */
  private final Map<String, String> names = new HashMap<>();

  SystemPrompts(ReportPlace place) {
    this.place = place;
  }

  /** The run folder's page of this prompt, written the first time the prompt is seen. */
  Path pageOf(String prompt) {
    String name = names.computeIfAbsent(prompt, p -> "system-prompt-" + digest(p) + ".html");
    Path page = place.runFolder().resolve(name);
    if (uses.merge(name, 1, Integer::sum) == 1 && place.writesPages()) {
      write(page, prompt);
    }
    return page;
  }

  /** Each page written so far with the number of attempts that used its prompt, in first use. */
  Map<Path, Integer> pages() {
    Map<Path, Integer> pages = new LinkedHashMap<>();
    uses.forEach((name, count) -> pages.put(place.runFolder().resolve(name), count));
    return pages;
  }

  private void write(Path page, String prompt) {
    try (BufferedWriter out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
      HtmlWriter html = new HtmlWriter(out);
      Pages.head(html, "System prompt");
      html.raw("<main><p><a href=\"")
          .text(place.hrefFrom(page.getParent(), place.report()))
          .raw("\">← report</a></p>\n<h1>System prompt</h1>\n")
          .raw("<p class=\"muted\">sent before the conversation of every attempt that links here")
          .raw("</p>\n<div class=\"text prompt\">")
          .text(prompt)
          .raw("</div></main>\n</body></html>\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String digest(String prompt) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(prompt.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
