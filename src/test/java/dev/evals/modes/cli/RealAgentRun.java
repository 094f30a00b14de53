package dev.evals.modes.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.cli.EvalsCli;
import dev.evals.json.Mappers;
import dev.evals.report.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs {@code evals run cli} in-process with a real agent from {@code target/agents} (installed by
 * {@code .ci/install-agents}; another folder with {@code -Devals.agents.bin}) against a stand-in
 * provider, in a copy of the shipped cli cases, and reads what the run recorded.
 */
final class RealAgentRun {

  static final Path BIN =
      Path.of(System.getProperty("evals.agents.bin", "target/agents/node_modules/.bin"))
          .toAbsolutePath();
  static final String ANTHROPIC_KEY = "sk-ant-standin-4f9c2e7a1b";
  static final String OPENAI_KEY = "sk-proj-standin-8d3a6f0c2e";

  private static final String RECORD_TO = System.getProperty("evals.record.streams");

  private final Path root;
  private String recordAs;
  private final Map<String, String> environment = new HashMap<>();

  RealAgentRun(Path root) throws IOException {
    this.root = root;
    copy(ShippedCliCases.ROOT.resolve("fixtures/cli"), root.resolve("fixtures/cli"));
    Files.createDirectories(root.resolve("cases"));
    Files.copy(ShippedCliCases.ROOT.resolve("cases/cli.yaml"), root.resolve("cases/cli.yaml"));
    Path home = Files.createDirectories(root.resolve("home"));
    environment.put("PATH", BIN + ":/usr/local/bin:/usr/bin:/bin");
    environment.put("HOME", home.toString());
    environment.put("ANTHROPIC_API_KEY", ANTHROPIC_KEY);
    environment.put("OPENAI_API_KEY", OPENAI_KEY);
    // the run's revision, so it does not ask git for one
    environment.put("GITHUB_SHA", "0".repeat(40));
  }

  /** Skips the test, saying how to install the agent, when its program is not installed. */
  static void assumeInstalled(String program) {
    assumeTrue(
        Files.isExecutable(BIN.resolve(program)),
        program
            + " is not installed in "
            + BIN
            + ": run .ci/install-agents (npm) to run the real-agent integration tests");
  }

  RealAgentRun with(String variable, String value) {
    environment.put(variable, value);
    return this;
  }

  RealAgentRun appendCases(String yaml) throws IOException {
    Files.writeString(
        root.resolve("cases/cli.yaml"), "\n" + yaml, java.nio.file.StandardOpenOption.APPEND);
    return this;
  }

  /** The run's exit code, streams and records, after {@code run cli <args> --judge off}. */
  Result run(String... args) throws IOException {
    List<String> argv = new ArrayList<>(List.of("run", "cli"));
    argv.addAll(List.of(args));
    argv.addAll(List.of("--judge", "off", "--max-retries", "0", "--output", "out/run.json"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        EvalsCli.run(
            argv.toArray(String[]::new),
            new PrintWriter(out),
            new PrintWriter(err),
            Map.copyOf(environment),
            root,
            Clock.systemUTC(),
            Terminal.NONE);
    Path folder = root.resolve("out/run");
    List<JsonNode> records = new ArrayList<>();
    if (Files.isRegularFile(folder.resolve("index.jsonl"))) {
      for (String line : Files.readAllLines(folder.resolve("index.jsonl"))) {
        records.add(Mappers.json().readTree(line));
      }
    }
    Result result = new Result(code, out.toString(), err.toString(), records, folder);
    if (recordAs != null && RECORD_TO != null) {
      record(result);
    }
    return result;
  }

  /**
   * Keeps the agent's standard output of this run's only attempt as {@code <name>.jsonl} in the
   * folder {@code -Devals.record.streams} names, to refresh the parser's fixtures.
   */
  RealAgentRun recordAs(String name) {
    recordAs = name;
    return this;
  }

  private void record(Result result) throws IOException {
    String output =
        Files.readString(
            result
                .attempt(result.records().get(0).path("caseId").asText())
                .resolve("assistant-output.txt"));
    int stderr = output.indexOf("--- stderr ---\n");
    Files.createDirectories(Path.of(RECORD_TO));
    Files.writeString(
        Path.of(RECORD_TO, recordAs + ".jsonl"), stderr < 0 ? output : output.substring(0, stderr));
  }

  /** What one run left. */
  record Result(int exitCode, String out, String err, List<JsonNode> records, Path folder) {

    JsonNode record(String caseId) {
      return records.stream()
          .filter(record -> record.path("caseId").asText().equals(caseId))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no record for " + caseId + "; stderr:\n" + err));
    }

    /** The names of the checks that failed. */
    List<String> failedChecks(String caseId) {
      List<String> failed = new ArrayList<>();
      record(caseId)
          .path("checks")
          .forEach(
              check -> {
                if (!check.path("passed").asBoolean()) {
                  failed.add(check.path("name").asText());
                }
              });
      return failed;
    }

    JsonNode trace(String caseId) throws IOException {
      return Mappers.json().readTree(attempt(caseId).resolve("trace.json").toFile());
    }

    Path attempt(String caseId) {
      return folder.resolve(record(caseId).path("artifactsPath").asText());
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
