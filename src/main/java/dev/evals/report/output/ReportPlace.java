package dev.evals.report.output;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where a report is written and what it may write besides itself.
 *
 * @param runFolder the run folder holding the attempt folders, or null when there is none
 * @param reportFolder the folder {@code report.html} goes to
 * @param writesPages whether the attempt pages and system prompt pages are (re)written into the run
 *     folder: only when the report is the run's own, never into a run folder another command reads
 */
record ReportPlace(Path runFolder, Path reportFolder, boolean writesPages) {

  ReportPlace {
    runFolder = runFolder == null ? null : runFolder.toAbsolutePath().normalize();
    reportFolder = reportFolder.toAbsolutePath().normalize();
  }

  /** The run's own report: pages are written into its folder. */
  static ReportPlace of(Path runFolder, Path reportFolder) {
    ReportPlace place = new ReportPlace(runFolder, reportFolder, false);
    return new ReportPlace(
        runFolder,
        reportFolder,
        runFolder != null && place.runFolder().equals(place.reportFolder()));
  }

  /** The run's {@code report.html}, which its pages link back to. */
  Path report() {
    return runFolder.resolve(ReportFiles.HTML);
  }

  /** A relative link from a page in {@code fromFolder} to {@code target}, good from file://. */
  String hrefFrom(Path fromFolder, Path target) {
    String relative = fromFolder.relativize(target).toString().replace('\\', '/');
    try {
      return new URI(null, null, relative, null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("no link to " + target, e);
    }
  }

  /** A link from {@code report.html} to {@code target}. */
  String href(Path target) {
    return hrefFrom(reportFolder, target);
  }
}
