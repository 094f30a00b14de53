package dev.evals.report.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.run.AttemptRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code attempt.html} in an attempt's folder: everything about one attempt that would make
 * report.html too big to open, namely the case's prompt, the conversation, every artifact with its
 * code shown as code, and the diffs against the expected solution. Self-contained and linked to
 * from report.html, so it opens from disk with nothing fetched.
 */
final class AttemptPage {

  static final String FILE = "attempt.html";

  private AttemptPage() {}

  /**
   * Writes the page into the attempt's folder.
   *
   * @param transcript the parsed transcript, or null
   * @param judge the attempt's {@code judge.json}, or null
   */
  static void write(
      AttemptRecord attempt,
      AttemptArtifacts artifacts,
      JsonNode transcript,
      JsonNode judge,
      SystemPrompts prompts,
      ReportPlace place) {
    Path page = artifacts.folder().resolve(FILE);
    // Written in place without a forced sync: a page torn by a crash is rebuilt by the next
    // `evals report`, and ten thousand fsyncs would cost a large run many seconds.
    try (BufferedWriter out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
      HtmlWriter html = new HtmlWriter(out);
      Pages.head(html, attempt.caseId() + " #" + attempt.attempt());
      html.raw("<main class=\"attempt-page\"><p><a href=\"")
          .text(place.hrefFrom(artifacts.folder(), place.report()))
          .raw("\">← report</a></p>\n<h1>")
          .text(attempt.caseId())
          .raw("</h1>\n<p class=\"attempt-title\">");
      AttemptView.title(html, attempt);
      html.raw("</p>\n");
      AttemptView.error(html, attempt);
      html.raw("<section class=\"verdicts\"><h2>Checks</h2>\n");
      AttemptView.checks(html, attempt.checks());
      AttemptView.judge(html, judge);
      html.raw("</section>\n");
      conversation(html, artifacts, transcript, prompts, place);
      artifactFiles(html, artifacts);
      html.raw("</main>\n</body></html>\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void conversation(
      HtmlWriter html,
      AttemptArtifacts artifacts,
      JsonNode transcript,
      SystemPrompts prompts,
      ReportPlace place) {
    if (transcript == null) {
      html.raw("<p class=\"muted\">")
          .text(
              artifacts.hasTranscript()
                  ? "The transcript is too large to show here: "
                  : "No transcript was recorded.")
          .raw(artifacts.hasTranscript() ? rawLink(AttemptArtifacts.TRANSCRIPT) : "")
          .raw("</p>\n");
      return;
    }
    String prompt = Conversation.prompt(transcript);
    if (prompt != null) {
      html.raw("<section class=\"prompt\"><h2>Prompt</h2><div class=\"text\">")
          .text(AttemptArtifacts.cut(prompt))
          .raw("</div></section>\n");
    }
    String system = transcript.path("systemPrompt").asText("");
    String systemHref =
        system.isEmpty() ? null : place.hrefFrom(artifacts.folder(), prompts.pageOf(system));
    Conversation.render(html, transcript, systemHref);
  }

  private static void artifactFiles(HtmlWriter html, AttemptArtifacts artifacts) {
    html.raw("<section class=\"artifacts\"><h2>Artifacts</h2>\n");
    artifacts.diffs().forEach(diff -> AttemptView.diff(html, diff));
    for (AttemptArtifacts.ArtifactFile file : artifacts.files()) {
      file(html, file, false);
    }
    AttemptArtifacts.ArtifactFile expected = artifacts.expected();
    if (expected != null) {
      file(html, expected, false);
    }
    html.raw("<p class=\"muted\">Raw files:");
    for (String name : List.of(AttemptArtifacts.TRANSCRIPT, "checks.json", "judge.json")) {
      if (Files.isRegularFile(artifacts.folder().resolve(name))) {
        html.raw(" ").raw(rawLink(name));
      }
    }
    html.raw("</p></section>\n");
  }

  private static void file(HtmlWriter html, AttemptArtifacts.ArtifactFile file, boolean open) {
    html.details("artifact", file.name(), open);
    if (file.name().endsWith(".json")) {
      JsonView.render(html, file.content());
    } else {
      html.pre("code", file.content());
    }
    html.raw("<a class=\"muted\" href=\"").text(encoded(file.name())).raw("\">raw file</a>").end();
  }

  private static String rawLink(String name) {
    return "<a href=\"" + Markup.escape(encoded(name)) + "\">" + Markup.escape(name) + "</a>";
  }

  /** A file of the attempt folder as a relative link ("./" so a colon never reads as a scheme). */
  private static String encoded(String relative) {
    try {
      return "./" + new URI(null, null, relative, null).getRawPath();
    } catch (URISyntaxException e) {
      return "./" + relative;
    }
  }
}
