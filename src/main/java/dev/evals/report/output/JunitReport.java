package dev.evals.report.output;

import dev.evals.report.AttemptSource;
import dev.evals.report.Figures;
import dev.evals.report.Summary;
import dev.evals.run.AttemptRecord;
import dev.evals.validate.Check;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code junit.xml} in the Surefire format CI systems read: one {@code <testsuite>} for the mode,
 * one {@code <testcase>} per attempt, failed checks as {@code <failure>}, execution errors as
 * {@code <error>}.
 */
public final class JunitReport {

  private JunitReport() {}

  public static String render(Summary summary, AttemptSource attempts) {
    // The suite element carries totals, so the attempts are read twice rather than held.
    Totals totals = new Totals();
    attempts.caseIds().forEach(id -> attempts.forEachAttemptOf(id, totals::add));
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuite name=\"")
        .append(Markup.escape(summary.mode()))
        .append("\" tests=\"")
        .append(totals.tests)
        .append("\" failures=\"")
        .append(totals.failures)
        .append("\" errors=\"")
        .append(totals.errors)
        .append("\" skipped=\"0\" time=\"")
        .append(Figures.seconds(totals.millis))
        .append("\">\n");
    properties(xml, summary);
    for (String id : attempts.caseIds()) {
      attempts.forEachAttemptOf(id, a -> testcase(xml, summary.mode(), a));
    }
    return xml.append("</testsuite>\n").toString();
  }

  /** The counts of the {@code <testsuite>} element. */
  private static final class Totals {
    long tests;
    long failures;
    long errors;
    long millis;

    void add(AttemptRecord attempt) {
      tests++;
      if (!attempt.scored()) {
        errors++;
      } else if (!attempt.passed()) {
        failures++;
      }
      millis += attempt.durationMs();
    }
  }

  private static void properties(StringBuilder xml, Summary summary) {
    xml.append("  <properties>\n");
    property(xml, "runModel", summary.runModel());
    property(
        xml, "judgeModel", summary.judgeModel() == null ? summary.judge() : summary.judgeModel());
    property(xml, "runs", String.valueOf(summary.runs()));
    property(xml, "passRate", String.valueOf(summary.passRate()));
    property(xml, "gitSha", summary.gitSha());
    property(xml, "toolVersion", summary.toolVersion());
    property(xml, "toolCommit", summary.toolCommit());
    // The Surefire schema has no timestamp attribute on <testsuite>, so the start time is a
    // property.
    property(xml, "timestamp", summary.createdAt());
    property(xml, "modelCostUsd", plain(summary.modelCost()));
    property(xml, "judgeCostUsd", plain(summary.judgeCostUsd()));
    property(xml, "totalCostUsd", plain(summary.totalCostUsd()));
    if (summary.comparison() != null && summary.comparison().suite() != null) {
      property(xml, "suiteRegressed", String.valueOf(summary.comparison().suiteRegressed()));
      property(xml, "suitePValue", String.valueOf(summary.comparison().suite().pValue()));
    }
    xml.append("  </properties>\n");
  }

  private static String plain(BigDecimal amount) {
    return amount == null ? null : amount.toPlainString();
  }

  private static void property(StringBuilder xml, String name, String value) {
    xml.append("    <property name=\"")
        .append(name)
        .append("\" value=\"")
        .append(Markup.escape(value == null ? "" : value))
        .append("\"/>\n");
  }

  private static void testcase(StringBuilder xml, String mode, AttemptRecord attempt) {
    xml.append("  <testcase name=\"")
        .append(Markup.escape(attempt.key().toString()))
        .append("\" classname=\"evals.")
        .append(Markup.escape(mode))
        .append("\" time=\"")
        .append(Figures.seconds(attempt.durationMs()))
        .append('"');
    if (attempt.passed()) {
      xml.append("/>\n");
      return;
    }
    xml.append(">\n");
    if (!attempt.scored()) {
      String error = attempt.error() == null ? "execution error" : attempt.error();
      element(xml, "error", "execution_error", firstLine(error), error);
    } else {
      List<Check> failed = attempt.failedChecks();
      String names = failed.stream().map(Check::name).collect(Collectors.joining(", "));
      String details =
          failed.stream().map(c -> c.name() + ": " + c.detail()).collect(Collectors.joining("\n"));
      element(xml, "failure", "checks", names.isEmpty() ? "failed" : names, details);
    }
    xml.append("  </testcase>\n");
  }

  private static void element(
      StringBuilder xml, String name, String type, String message, String body) {
    xml.append("    <")
        .append(name)
        .append(" message=\"")
        .append(Markup.escape(message))
        .append("\" type=\"")
        .append(type)
        .append("\">")
        .append(Markup.escape(body))
        .append("</")
        .append(name)
        .append(">\n");
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }
}
