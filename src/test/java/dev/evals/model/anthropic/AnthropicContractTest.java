package dev.evals.model.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evals.agent.AgentListener;
import dev.evals.agent.AgentLoop;
import dev.evals.config.Environment;
import dev.evals.json.Mappers;
import dev.evals.model.ChatMessage;
import dev.evals.model.ChatModel;
import dev.evals.model.ChatRequest;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.model.ProviderSettings;
import dev.evals.model.ReadFileTool;
import dev.evals.model.Sleeper;
import dev.evals.model.providers.ChatModelFactory;
import dev.evals.model.providers.ProviderStandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Type-checks every request body the Anthropic adapter sends in these scenarios against {@code
 * MessageCreateParamsNonStreaming} of the official SDK with {@code tsc --noEmit}, and proves the
 * check bites with a deliberately wrong body. {@code .ci/run} installs the pinned SDK and
 * TypeScript into {@code .ci/sdk} (or set {@value #SDK_VARIABLE} to another folder holding {@code
 * node_modules}); without them, or without {@code node}, the test is skipped and says so.
 */
class AnthropicContractTest {

  static final String SDK_VARIABLE = "EVALS_CONTRACT_SDK_DIR";
  private static final String PATH = "/v1/messages";

  @RegisterExtension static WireMockExtension wm = ProviderStandIn.loopback();

  @TempDir Path work;

  private final ModelRegistry registry = ModelRegistry.builtIn(Mappers.yaml());
  private final List<String> bodies = new ArrayList<>();

  @Test
  void everyRecordedRequestBodyTypeChecksAndAWrongOneDoesNot() throws Exception {
    Path modules = sdkModules();
    Path node = executable("node");
    List<String> bodies = recordedBodies();
    assertThat(bodies).hasSizeGreaterThanOrEqualTo(8);
    Files.writeString(work.resolve("recorded.ts"), typed(bodies), StandardCharsets.UTF_8);
    // The 1.x request type has no temperature, and a tool choice naming a tool needs its name.
    Files.writeString(
        work.resolve("wrong.ts"),
        typed(
            List.of(
                """
                {"model": "claude-haiku-5-5", "max_tokens": 64, "temperature": 0,
                 "messages": [{"role": "user", "content": "hi"}]}
                """,
                """
                {"model": "claude-haiku-5-5", "max_tokens": 64,
                 "messages": [{"role": "user", "content": "hi"}],
                 "tool_choice": {"type": "tool"}}
                """)),
        StandardCharsets.UTF_8);
    Files.writeString(work.resolve("tsconfig.json"), tsconfig(modules), StandardCharsets.UTF_8);

    Result tsc = tsc(node, modules);

    assertThat(tsc.output()).as("errors in recorded bodies").doesNotContain("recorded.ts");
    assertThat(tsc.exitCode()).as(tsc.output()).isNotZero();
    assertThat(tsc.output())
        .containsPattern("wrong.ts\\(2,\\d+\\): error TS\\d+: .*'\"temperature\"' does not exist")
        .containsPattern("wrong.ts\\(\\d+,\\d+\\): error TS\\d+: Type '\\{ type: \"tool\"; \\}'")
        .contains("Property 'name' is missing");
  }

  /** The bodies of every request the adapter made while running these conversations. */
  private List<String> recordedBodies() {
    stubLoop(AnthropicThinkingTest.THINKING_TOOL_USE, AnthropicThinkingTest.ANSWER);
    loop(registry.resolve("haiku"));
    stubLoop(AnthropicThinkingTest.THINKING_TOOL_USE, AnthropicThinkingTest.ANSWER);
    loop(registry.resolve("opus-4.6-thinking"));
    stubLoop(
        AnthropicThinkingTest.THINKING_TOOL_USE.replace("{\"path\": \"flow.yaml\"}", "{}"),
        AnthropicThinkingTest.ANSWER);
    loop(registry.resolve("haiku-4.5").withOptions(Map.of("prompt_cache", "false")));
    keepBodies();
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(AnthropicThinkingTest.ANSWER)));
    ChatRequest forced =
        new ChatRequest(
            "Judge the flow.",
            List.of(new ChatMessage.User("Here it is.")),
            List.of(new ReadFileTool().spec()),
            "read_file",
            ChatRequest.DEFAULT_MAX_TOKENS);
    for (String alias : List.of("haiku", "sonnet", "opus-thinking")) {
      model(registry.resolve(alias)).chat(forced);
    }
    keepBodies();
    return List.copyOf(bodies);
  }

  private void keepBodies() {
    wm.getAllServeEvents().forEach(e -> bodies.add(e.getRequest().getBodyAsString()));
    wm.resetAll();
  }

  private void stubLoop(String first, String second) {
    keepBodies();
    wm.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("loop")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(first))
            .willSetStateTo("answered"));
    wm.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("loop")
            .whenScenarioStateIs("answered")
            .willReturn(okJson(second)));
  }

  private void loop(ModelSpec spec) {
    new AgentLoop(model(spec), AgentListener.SILENT)
        .run("You build Windmill flows.", "Summarise flow.yaml", List.of(new ReadFileTool()), 5);
  }

  private ChatModel model(ModelSpec spec) {
    Environment env =
        Environment.of(Map.of("ANTHROPIC_API_KEY", "k", "ANTHROPIC_BASE_URL", wm.baseUrl()));
    return new ChatModelFactory(
            env, new ProviderSettings(0, Duration.ofSeconds(5), 2, Sleeper.REAL))
        .create(spec);
  }

  private static String typed(List<String> bodies) {
    StringBuilder ts =
        new StringBuilder(
            "import type { MessageCreateParamsNonStreaming } from"
                + " '@anthropic-ai/sdk/resources/messages';\n");
    for (int i = 0; i < bodies.size(); i++) {
      ts.append("export const body")
          .append(i)
          .append(": MessageCreateParamsNonStreaming = ")
          .append(bodies.get(i).strip())
          .append(";\n");
    }
    return ts.toString();
  }

  private static String tsconfig(Path modules) {
    String sdk = modules.resolve("@anthropic-ai/sdk").toString().replace("\\", "/");
    return """
        {"compilerOptions": {"strict": true, "noEmit": true, "skipLibCheck": true,
           "target": "es2020", "module": "commonjs", "moduleResolution": "node", "types": [],
           "baseUrl": ".", "paths": {"@anthropic-ai/sdk/*": ["%s/*"]}},
         "files": ["recorded.ts", "wrong.ts"]}
        """
        .formatted(sdk);
  }

  private record Result(int exitCode, String output) {}

  private Result tsc(Path node, Path modules) throws IOException, InterruptedException {
    Path tsc = modules.resolve("typescript/bin/tsc");
    Process process =
        new ProcessBuilder(node.toString(), tsc.toString(), "-p", "tsconfig.json")
            .directory(work.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private static Path sdkModules() {
    String configured = System.getenv(SDK_VARIABLE);
    Path root = configured == null ? Path.of(".ci", "sdk") : Path.of(configured);
    Path modules = root.toAbsolutePath().resolve("node_modules");
    boolean present =
        Files.isRegularFile(modules.resolve("@anthropic-ai/sdk/resources/messages/messages.d.ts"))
            && Files.isRegularFile(modules.resolve("typescript/bin/tsc"));
    Assumptions.assumeTrue(
        present,
        "skipped: the Anthropic SDK and TypeScript are not installed in "
            + modules
            + "; run .ci/run, or npm install --prefix .ci/sdk @anthropic-ai/sdk@1.15.0"
            + " typescript@5.9.3");
    return modules;
  }

  private static Path executable(String name) {
    Optional<Path> found =
        java.util.Arrays.stream(
                System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
            .map(dir -> Path.of(dir, name))
            .filter(Files::isExecutable)
            .findFirst();
    Assumptions.assumeTrue(found.isPresent(), "skipped: no " + name + " on PATH");
    return found.get();
  }
}
