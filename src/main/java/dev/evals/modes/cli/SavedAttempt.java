package dev.evals.modes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.agent.RecordedTranscript;
import dev.evals.json.Mappers;
import dev.evals.model.TokenUsage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link CliAttempt} rebuilt from the files {@link CliSession#writeArtifacts} left in an attempt
 * folder: the written files under {@code workspace/}, {@code trace.json}, the agent's output, the
 * wmill log, the final answer of {@code transcript.json}, and {@value #RUN_FILE} for what a clean
 * run leaves out (a non-zero exit, a timeout, deleted files, files written outside).
 */
final class SavedAttempt {

  static final String RUN_FILE = "agent-run.json";
  private static final String KILLED_MARKER = "\n--- killed: timed out after ";

  private SavedAttempt() {}

  /** What a clean run leaves out of the other artifacts, or null when the run was clean. */
  static ObjectNode runFacts(CliAttempt attempt) {
    ProcessOutcome outcome = attempt.outcome();
    if (outcome.failure() == null
        && attempt.diff().deleted().isEmpty()
        && attempt.escaped().isEmpty()) {
      return null;
    }
    ObjectNode facts = Mappers.json().createObjectNode();
    facts.put("exitCode", outcome.exitCode());
    facts.put("timedOut", outcome.timedOut());
    facts.put("timeoutSeconds", outcome.timeoutSeconds());
    attempt.diff().deleted().forEach(facts.putArray("deleted")::add);
    attempt.escaped().forEach(facts.putArray("escaped")::add);
    return facts;
  }

  /** The attempt, or empty when the folder has no {@code trace.json} (the agent never ran). */
  static Optional<CliAttempt> read(Path folder, PreparedCliCase prepared, FileTree guidance)
      throws IOException {
    Path traceFile = folder.resolve("trace.json");
    if (!Files.isRegularFile(traceFile)) {
      return Optional.empty();
    }
    CliTrace trace = Mappers.json().readValue(traceFile.toFile(), CliTrace.class);
    String output = text(folder.resolve("assistant-output.txt"));
    JsonNode facts = facts(folder.resolve(RUN_FILE));
    int timeout = prepared.definition().runtime().effectiveTimeoutSeconds();
    ProcessOutcome outcome =
        new ProcessOutcome(
            output,
            "",
            facts.path("exitCode").asInt(0),
            facts.path("timedOut").asBoolean(output.contains(KILLED_MARKER)),
            facts.path("timeoutSeconds").asInt(timeout));
    FileTree before = prepared.initial().plus(guidance);
    Map<String, FileTree.Entry> after =
        new TreeMap<>(
            before.plus(FileTree.snapshot(folder.resolve("workspace"), path -> false)).files());
    List<String> deleted = strings(facts.path("deleted"));
    deleted.forEach(after::remove);
    FileTree workspace = new FileTree(after);
    String answer = RecordedTranscript.read(folder).finalAnswer();
    return Optional.of(
        new CliAttempt(
            workspace,
            AgentFolderDiff.between(before, workspace),
            strings(facts.path("escaped")),
            new AgentTranscript(List.of(), answer, TokenUsage.ZERO, 0, 1),
            trace,
            outcome,
            text(folder.resolve(WmillStub.LOG_FILE))));
  }

  private static JsonNode facts(Path file) throws IOException {
    return Files.isRegularFile(file)
        ? Mappers.json().readTree(file.toFile())
        : Mappers.json().createObjectNode();
  }

  private static String text(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
