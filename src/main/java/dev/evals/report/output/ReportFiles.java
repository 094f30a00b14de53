package dev.evals.report.output;

import dev.evals.config.Environment;
import dev.evals.files.AtomicFile;
import dev.evals.report.AttemptSource;
import dev.evals.report.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@code report.html}, {@code pr-comment.md} and {@code junit.xml}, and appends the Markdown
 * to the GitHub Actions step summary when {@code GITHUB_STEP_SUMMARY} names one.
 */
public final class ReportFiles {

  public static final String HTML = "report.html";
  public static final String MARKDOWN = "pr-comment.md";
  public static final String JUNIT = "junit.xml";
  static final String STEP_SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY";

  private ReportFiles() {}

  /**
   * Writes the three reports and returns them.
   *
   * @param attempts the run's attempts, handed out case by case
   * @param output the folder to write to
   * @param runFolder the run folder holding the attempt artifacts
   */
  public static List<Path> write(
      Summary summary, AttemptSource attempts, Path output, Path runFolder, Environment environment)
      throws IOException {
    Files.createDirectories(output);
    Path html = output.resolve(HTML);
    Path markdown = output.resolve(MARKDOWN);
    Path junit = output.resolve(JUNIT);
    String comment = MarkdownReport.render(summary, attempts);
    AtomicFile.write(html, HtmlReport.render(summary, attempts, runFolder));
    AtomicFile.write(markdown, comment);
    AtomicFile.write(junit, JunitReport.render(summary, attempts));
    Optional<String> stepSummary = environment.get(STEP_SUMMARY_VARIABLE);
    if (stepSummary.isPresent()) {
      Files.writeString(
          Path.of(stepSummary.get()),
          comment + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    return List.of(html, markdown, junit);
  }
}
