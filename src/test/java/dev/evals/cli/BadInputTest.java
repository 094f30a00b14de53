package dev.evals.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.testing.CasesRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal of bad input: exit 2 with one line on stderr naming the flag, file or line, found
 * before any model is called (the provider stands by on WireMock and must see no request).
 */
class BadInputTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @RegisterExtension
  static WireMockExtension provider =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  /** What a row prepares in the working directory before the command runs. */
  @FunctionalInterface
  interface Setup {
    void prepare(Path dir) throws IOException;
  }

  @BeforeEach
  void writeASuiteOfTwoCasesAndAProvider() throws IOException {
    String expected =
        Files.readString(PROJECT.resolve("fixtures/flow/expected/single_step_temperature.json"));
    new CasesRoot(dir)
        .caseFile("flow", caseFile("flow-a", "flow-b"))
        .file("fixtures/celsius.json", expected)
        .file(".env", "OPENAI_API_KEY=sk-test\nOPENAI_BASE_URL=" + provider.baseUrl() + "/v1\n");
  }

  static String caseFile(String... ids) {
    StringBuilder yaml = new StringBuilder();
    for (String id : ids) {
      yaml.append("- id: ")
          .append(id)
          .append("\n  prompt: Convert celsius.\n")
          .append("  expected: fixtures/celsius.json\n")
          .append("  validate:\n    exactTopLevelStepIds: [convert_temperature]\n");
    }
    return yaml.toString();
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        refusal(
            "negative --max-retries",
            nothing(),
            "run flow --model gpt-5.5 --judge off --max-retries -1",
            "error: --max-retries must be 0 or more, got -1"),
        refusal(
            "zero --request-timeout",
            nothing(),
            "run flow --model gpt-5.5 --judge off --request-timeout 0",
            "error: --request-timeout must be at least 1 second, got 0"),
        refusal(
            "--output without .json",
            nothing(),
            "run flow --model gpt-5.5 --judge off --output out/run",
            "error: --output names the summary file and must end in .json, got 'out/run'"
                + " (artifacts go to the sibling folder of the same name)"),
        refusal(
            "--output under a regular file",
            dir -> Files.writeString(dir.resolve("notes.txt"), "mine"),
            "run flow --model gpt-5.5 --judge off --output notes.txt/run.json",
            "error: --output: cannot create the run folder notes.txt/run: notes.txt is a file, not"
                + " a folder"),
        refusal(
            "--output into an unwritable place",
            nothing(),
            "run flow --model gpt-5.5 --judge off --output /sys/evals/run.json",
            "error: --output: cannot create the run folder /sys/evals/run: Operation not"
                + " permitted"),
        refusal(
            "--output of a finished run",
            BadInputTest::finishedRun,
            "run flow --model gpt-5.5 --judge off --output out/run.json",
            "error: --output: out/run.json already holds a run; continue it with --resume"
                + " out/run.json, or choose a new path"),
        refusal(
            "--output of a folder that is not a run",
            dir -> Files.createDirectories(dir.resolve("mine")),
            "run flow --model gpt-5.5 --judge off --output mine.json",
            "error: --output: mine.json or its folder mine already exists and is not a run; choose"
                + " a new path"),
        refusal(
            "rescore into the folder of another run",
            dir -> {
              finishedRun(dir);
              reference(dir, "run", "flow", "--output", "other.json");
            },
            "rescore out/run --judge off --output other.json",
            "error: --output: other.json already holds a run; continue it with --resume"
                + " other.json, or choose a new path"),
        refusal(
            "rescore into the run being rescored",
            BadInputTest::finishedRun,
            "rescore out/run --judge off --output out/run.json",
            "error: --output: out/run.json is the run being rescored; choose a new path"),
        refusal(
            "--resume of a corrupt run.json",
            dir -> {
              finishedRun(dir);
              Path manifest = dir.resolve("out/run/run.json");
              String text = Files.readString(manifest);
              Files.writeString(manifest, text.substring(0, text.indexOf("\"runModel\"")));
            },
            "run --resume out/run.json",
            "error: {dir}/out/run/run.json:4: not a readable run.json (Unexpected end-of-input"
                + " within/between Object entries)"),
        refusal(
            "--resume of an index.jsonl with a corrupt middle line",
            BadInputTest::corruptIndex,
            "run --resume out/run.json",
            "error: {dir}/out/run/index.jsonl:1: unreadable attempt record (Unrecognized token"
                + " 'garbage': was expecting (JSON String, Number, Array, Object or token 'null',"
                + " 'true' or 'false')); restore that line, or delete it to run its attempt again"),
        refusal(
            "report of an index.jsonl with a corrupt middle line",
            BadInputTest::corruptIndex,
            "report out/run",
            "error: {dir}/out/run/index.jsonl:1: unreadable attempt record (Unrecognized token"
                + " 'garbage': was expecting (JSON String, Number, Array, Object or token 'null',"
                + " 'true' or 'false')); restore that line, or delete it to run its attempt again"),
        refusal(
            "a duplicate key in a case file",
            dir ->
                Files.writeString(
                    dir.resolve("cases/flow.yaml"),
                    caseFile("flow-a").replace("  expected:", "  prompt: Twice.\n  expected:")),
            "run flow --model gpt-5.5 --judge off",
            "error: cases/flow.yaml:3: duplicate key 'prompt' (a key may appear once per mapping)"),
        refusal(
            "--record on the continuation of a partial run",
            dir -> reference(dir, "run", "flow", "flow-a", "--output", "part.json"),
            "run --resume part.json --record",
            "error: --record only records full-suite runs, and part.json ran only flow-a; drop"
                + " --record"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesWithExitTwoAndOneLineBeforeAnyModelIsCalled(
      String name, Setup setup, String args, String message) throws IOException {
    setup.prepare(dir);

    CliRun run = CliRun.of(dir, Map.of(), args.split(" "));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err().strip()).isEqualTo(message.replace("{dir}", dir.toString()));
    assertThat(provider.getAllServeEvents()).isEmpty();
  }

  private static Arguments refusal(String name, Setup setup, String args, String message) {
    return Arguments.of(name, setup, args, message);
  }

  private static Setup nothing() {
    return dir -> {};
  }

  private static void finishedRun(Path dir) {
    reference(dir, "run", "flow", "--output", "out/run.json");
  }

  private static void corruptIndex(Path dir) throws IOException {
    finishedRun(dir);
    Path index = dir.resolve("out/run/index.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(index));
    lines.set(0, "garbage");
    Files.write(index, lines);
  }

  private static void reference(Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--model", "reference"));
    CliRun run = CliRun.of(dir, Map.of(), all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
  }
}
