package dev.evals.mutation;

import java.io.PrintWriter;
import java.util.Locale;

/** The terminal view of a {@link MutationReport}: controls, a row per class, then survivors. */
public final class MutationTable {

  private MutationTable() {}

  public static void print(PrintWriter out, MutationReport report) {
    out.printf(
        Locale.ROOT,
        "%s mutants: %d case(s) measured, %d control(s) failing, %d skipped%n",
        report.mode(),
        report.controls().size(),
        report.failingControls().size(),
        report.skipped().size());
    for (MutationReport.Control control : report.failingControls()) {
      out.println(
          "  CONTROL FAILS " + control.caseId() + ": " + String.join("; ", control.failedChecks()));
    }
    for (MutationReport.Skipped skipped : report.skipped()) {
      out.println("  skipped " + skipped.caseId() + ": " + skipped.reason());
    }
    out.printf(Locale.ROOT, "%-30s %6s %7s %8s%n", "class", "made", "caught", "rate");
    for (MutationReport.ClassTally tally : report.classes()) {
      out.printf(
          Locale.ROOT,
          "%-30s %6d %7d %7.1f%%%s%n",
          tally.name() + (tally.structural() ? "" : " (semantic)"),
          tally.made(),
          tally.caught(),
          tally.catchRate() * 100,
          tally.structural() && tally.catchRate() < report.minCatchRate() ? "  BELOW FLOOR" : "");
    }
    int made = report.structuralMade();
    out.printf(
        Locale.ROOT,
        "%-30s %6d %7d %7.1f%%  (floor %.0f%% per class; semantic classes not counted)%n",
        "structural total",
        made,
        report.structuralCaught(),
        made == 0 ? 100.0 : 100.0 * report.structuralCaught() / made,
        report.minCatchRate() * 100);
    boolean header = false;
    for (MutationReport.ClassTally tally : report.classes()) {
      for (MutationReport.Survivor survivor : tally.survivors()) {
        if (!header) {
          out.println("Survivors:");
          header = true;
        }
        out.println(
            "  "
                + tally.name()
                + "  "
                + survivor.caseId()
                + ": "
                + survivor.description()
                + "  (should fail: "
                + survivor.shouldFail()
                + ")");
      }
    }
    out.flush();
  }
}
