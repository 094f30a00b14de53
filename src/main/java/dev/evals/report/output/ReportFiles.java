package dev.evals.report.output;

import dev.evals.config.Environment;
import dev.evals.files.AtomicFile;
import dev.evals.report.AttemptSource;
import dev.evals.report.Summary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@code report.html}, {@code pr-comment.md} and {@code junit.xml}, and appends the Markdown
 * to the GitHub Actions step summary when {@code GITHUB_STEP_SUMMARY} names one. A report that
 * cannot be built (the disk refuses it, or it does not fit in the heap) is left out with a one-line
 * warning: the run it reports on has finished, and its records stay on disk to rebuild it from.
 */
public final class ReportFiles {

  public static final String HTML = "report.html";
  public static final String MARKDOWN = "pr-comment.md";
  public static final String JUNIT = "junit.xml";
  static final String STEP_SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY";

  /**
   * What was written.
   *
   * @param reports the report files written
   * @param warnings one line per report that could not be written, saying why
   */
  public record Written(List<Path> reports, List<String> warnings) {
    public Written {
      reports = List.copyOf(reports);
      warnings = List.copyOf(warnings);
    }
  }

  @FunctionalInterface
  private interface Report {
    void write() throws IOException;
  }

  private ReportFiles() {}

  /**
   * Writes the three reports.
   *
   * @param attempts the run's attempts, handed over case by case
   * @param output the folder to write to
   * @param runFolder the run folder holding the attempt artifacts (its attempt pages are written
   *     only when it is also {@code output})
   */
  public static Written write(
      Summary summary, AttemptSource attempts, Path output, Path runFolder, Environment environment)
      throws IOException {
    Files.createDirectories(output);
    List<Path> written = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    ReportPlace place = ReportPlace.of(runFolder, output);
    Path html = output.resolve(HTML);
    attempt(
        html,
        written,
        warnings,
        () -> AtomicFile.write(html, out -> page(summary, attempts, place, out)));
    Path markdown = output.resolve(MARKDOWN);
    attempt(
        markdown,
        written,
        warnings,
        () -> AtomicFile.write(markdown, MarkdownReport.render(summary, attempts)));
    Path junit = output.resolve(JUNIT);
    attempt(
        junit,
        written,
        warnings,
        () -> AtomicFile.write(junit, JunitReport.render(summary, attempts)));
    Optional<String> stepSummary = environment.get(STEP_SUMMARY_VARIABLE);
    if (stepSummary.isPresent() && written.contains(markdown)) {
      Files.writeString(
          Path.of(stepSummary.get()),
          Files.readString(markdown, StandardCharsets.UTF_8) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    return new Written(written, warnings);
  }

  private static void page(
      Summary summary, AttemptSource attempts, ReportPlace place, OutputStream out)
      throws IOException {
    BufferedWriter writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    try {
      HtmlReport.write(summary, attempts, place, writer);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writer.flush();
  }

  private static String notWritten(Path file, IOException e) {
    return "warning: "
        + file.getFileName()
        + " not written: "
        + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static void attempt(Path file, List<Path> written, List<String> warnings, Report report) {
    try {
      report.write();
      written.add(file);
    } catch (IOException e) {
      warnings.add(notWritten(file, e));
    } catch (UncheckedIOException e) {
      warnings.add(notWritten(file, e.getCause()));
    } catch (OutOfMemoryError e) {
      // The page's buffers are garbage once the error unwound to here, so the run goes on.
      warnings.add(
          "warning: "
              + file.getFileName()
              + " not written: too big for the heap ("
              + e.getMessage()
              + "); rebuild it with a larger one: EVALS_JAVA_OPTS=-Xmx2g ./evals report <run>");
    }
  }
}
