package dev.evals.report.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import dev.evals.model.TokenUsage;
import dev.evals.report.AttemptSource;
import dev.evals.report.Baseline;
import dev.evals.report.BaselineSource;
import dev.evals.report.RunRebuild;
import dev.evals.report.Summary;
import dev.evals.report.SummaryBuilder;
import dev.evals.run.AttemptKey;
import dev.evals.run.AttemptOutcome;
import dev.evals.run.AttemptRecord;
import dev.evals.run.AttemptStatus;
import dev.evals.run.AttemptTiming;
import dev.evals.run.AttemptUsage;
import dev.evals.run.RunDirectory;
import dev.evals.run.RunManifest;
import dev.evals.validate.Check;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A flow run with three cases over five runs, written to a real run folder: {@code steady} always
 * passes, {@code broken} always fails a check (it passed every time in the baseline), and {@code
 * flaky} ends once in an execution error.
 */
final class SampleRun {

  static final String NASTY = "<b>\"quotes\" & 'ticks'</b>\u0001";

  private SampleRun() {}

  static RunManifest manifest() {
    return manifest(List.of("steady", "broken", "flaky"), 5);
  }

  /** The same settings for other cases and repeats. */
  static RunManifest manifest(List<String> caseIds, int runs) {
    return new RunManifest(
        RunManifest.VERSION,
        "flow",
        new RunManifest.ModelChoice("haiku (anthropic:claude-haiku-4-5)", "haiku", null),
        new RunManifest.JudgeChoice("sonnet (anthropic:claude-sonnet-4-5)", "sonnet", 80, 1),
        new RunManifest.Selection(caseIds, List.of(), List.of(), runs),
        new RunManifest.Settings(2, "off", null, null, false),
        new RunManifest.Provenance(
            ".", "sha256:abc", "0123abc", "2026-11-24T12:00:00Z", null, "0.1.0-test", "feedc0de"));
  }

  static List<AttemptRecord> records() {
    List<AttemptRecord> records = new ArrayList<>();
    for (int n = 1; n <= 5; n++) {
      records.add(record("steady", n, AttemptStatus.OK, List.of(Check.pass("run succeeded"))));
      records.add(
          record(
              "broken",
              n,
              AttemptStatus.OK,
              List.of(Check.pass("run succeeded"), Check.fail("step ids", "missing " + NASTY))));
      records.add(
          n == 3
              ? record(
                  "flaky",
                  n,
                  AttemptStatus.EXECUTION_ERROR,
                  List.of(Check.fail("run succeeded", "HTTP 503")))
              : record("flaky", n, AttemptStatus.OK, List.of(Check.pass("run succeeded"))));
    }
    return records;
  }

  static AttemptRecord record(String id, int n, AttemptStatus status, List<Check> checks) {
    boolean passed = status == AttemptStatus.OK && checks.stream().allMatch(Check::passed);
    return new AttemptRecord(
        new AttemptKey(id, n),
        AttemptOutcome.of(
            status,
            passed,
            checks,
            status == AttemptStatus.OK ? 90 : null,
            status == AttemptStatus.OK ? null : "ProviderException: HTTP 503"),
        new AttemptUsage(
            TokenUsage.of(1000, 200),
            1000,
            new BigDecimal("0.0020"),
            status == AttemptStatus.OK ? TokenUsage.of(100, 20) : null,
            status == AttemptStatus.OK ? new BigDecimal("0.0005") : null),
        new AttemptTiming(1500 + n, 3, 2, List.of("set_flow")),
        id + "/attempt-" + n);
  }

  /** report.html of the run as the run itself writes it (with its attempt pages). */
  static String html(Summary summary, AttemptSource attempts, Path runFolder) {
    StringWriter out = new StringWriter();
    HtmlReport.write(summary, attempts, ReportPlace.of(runFolder, runFolder), out);
    return out.toString();
  }

  /** The run written to disk with artifacts, and its summary compared with the baseline. */
  static Summary write(RunDirectory run) throws IOException {
    run.create();
    Mappers.json().writeValue(run.manifestFile().toFile(), manifest());
    for (AttemptRecord record : records()) {
      run.index().append(record);
      Path folder = run.attemptFolder(record.caseId(), record.attempt()).path();
      Files.writeString(
          folder.resolve("flow.json"),
          "{\n  \"summary\": \"" + record.caseId() + "\",\n  \"value\": {}\n}\n");
      Files.writeString(
          folder.resolve("expected.json"), "{\n  \"summary\": \"steady\",\n  \"value\": {}\n}\n");
      Files.writeString(folder.resolve("transcript.json"), transcript(record.caseId()));
      Files.writeString(
          folder.resolve("judge.json"),
          """
          {"model": "sonnet", "succeeded": true, "score": 90, "passed": true, "threshold": 80,
           "summary": "Looks right.", "checklist": [{"item": "converts correctly", "met": true, "reason": "9/5+32"},
           {"item": "names the step", "met": false, "reason": "named it x"}]}
          """);
    }
    Summary built = SummaryBuilder.build(manifest(), run.index().read(), "results/run");
    return built.withComparison(BaselineSource.against(built, baseline()));
  }

  /** The attempts of the run {@link #write} left in {@code run}. */
  static AttemptSource attempts(RunDirectory run) throws IOException {
    return RunRebuild.attempts(run, manifest());
  }

  /** The attempts of the run {@link #write} left at {@code dir/run.json}. */
  static AttemptSource attempts(Path dir) throws IOException {
    return attempts(RunDirectory.at(dir.resolve("run.json")));
  }

  /** A transcript as the loop writes it: one set_flow call, its result, and the last words. */
  static String transcript(String caseId) {
    ObjectNode root = Mappers.json().createObjectNode();
    root.put("systemPrompt", SYSTEM_PROMPT).put("stop", "completed").put("turns", 2);
    ArrayNode messages = root.putArray("messages");
    messages.addObject().put("role", "user").put("text", "Build the " + caseId + " flow " + NASTY);
    ObjectNode call = messages.addObject().put("role", "assistant").put("text", "");
    call.putArray("thinking").add("the flow needs one step");
    call.putArray("toolCalls")
        .addObject()
        .put("id", "call-1")
        .put("name", "set_flow")
        .put("arguments", FLOW_ARGUMENTS);
    messages
        .addObject()
        .put("role", "tool")
        .putArray("results")
        .addObject()
        .put("callId", "call-1")
        .put("name", "set_flow")
        .put("isError", false)
        .put("content", "{\"saved\": true, \"see\": \"https://example.com\"}");
    messages
        .addObject()
        .put("role", "assistant")
        .put("text", "Done: " + NASTY)
        .putArray("toolCalls");
    return root.toPrettyString();
  }

  static final String SYSTEM_PROMPT = "You build Windmill flows.\nAnswer with set_flow.";

  /** set_flow's arguments: a module whose code is one JSON string with newlines. */
  static final String FLOW_ARGUMENTS =
      "{\"summary\": \"convert\", \"value\": {\"modules\": [{\"id\": \"a\", \"value\": "
          + "{\"type\": \"rawscript\", \"language\": \"bun\", \"content\": "
          + "\"export async function main(c: number) {\\n  return c * 9 / 5 + 32;\\n}\\n\"}}]}}";

  static Baseline baseline() {
    return new Baseline(
        "history/flow.jsonl (line 1)",
        "flow",
        "sonnet (anthropic:claude-sonnet-4-5)",
        List.of(
            new Baseline.Counts("steady", 5, 5),
            new Baseline.Counts("broken", 5, 5),
            new Baseline.Counts("flaky", 4, 4),
            new Baseline.Counts("retired", 1, 5)),
        null,
        null);
  }
}
