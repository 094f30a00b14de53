package dev.evals.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evals.json.Mappers;
import dev.evals.testing.CasesRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Refusals, truncations and other endings are scored as their own checks, not "no artifact". */
class StopReasonScoringTest {

  @RegisterExtension
  static WireMockExtension api =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;

  private static String answer(String finishReason, String message) {
    return """
        {"id": "c", "object": "chat.completion", "created": 1, "model": "gpt-5.5",
         "choices": [{"index": 0, "finish_reason": "%s", "message": %s}],
         "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110}}
        """
        .formatted(finishReason, message);
  }

  @Test
  void countsEachEndingApartInTheSummaryAndRecordsItInTheTranscript() throws IOException {
    new CasesRoot(dir.resolve("suite")).caseFile("flow", "- id: flow-a\n  prompt: Build a flow.\n");
    List<String> answers =
        List.of(
            answer("content_filter", "{\"role\": \"assistant\", \"content\": null}"),
            answer("length", "{\"role\": \"assistant\", \"content\": \"Let me\"}"),
            answer("weird_new_reason", "{\"role\": \"assistant\", \"content\": \"\"}"),
            answer("stop", "{\"role\": \"assistant\", \"content\": \"Nothing to do.\"}"));
    for (int i = 0; i < answers.size(); i++) {
      api.stubFor(
          post(urlPathEqualTo("/v1/chat/completions"))
              .inScenario("endings")
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
              .willReturn(okJson(answers.get(i)))
              .willSetStateTo("answer " + (i + 1)));
    }
    Map<String, String> env = new HashMap<>();
    env.put("OPENAI_API_KEY", "k");
    env.put("OPENAI_BASE_URL", api.baseUrl() + "/v1");

    CliRun run =
        CliRun.of(
            dir,
            env,
            "run",
            "flow",
            "--model",
            "gpt-5.5",
            "--judge",
            "off",
            "--runs",
            "4",
            "--concurrency",
            "1",
            "--cases-dir",
            "suite",
            "--output",
            "r.json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode summary = Mappers.json().readTree(dir.resolve("r.json").toFile());
    Map<String, Integer> failures = new HashMap<>();
    summary
        .get("checkFailures")
        .forEach(f -> failures.put(f.get("check").asText(), f.get("failedAttempts").asInt()));
    assertThat(failures)
        .containsEntry("model did not refuse", 1)
        .containsEntry("answer not truncated", 1)
        .containsEntry("model stopped normally", 1)
        .containsEntry("run succeeded", 1);
    JsonNode transcript =
        Mappers.json().readTree(dir.resolve("r/flow-a/attempt-3/transcript.json").toFile());
    assertThat(transcript.get("stop").asText()).isEqualTo("unexpected_stop");
    assertThat(transcript.get("stopReason").asText()).isEqualTo("weird_new_reason");
    assertThat(transcript.get("error").asText()).isEqualTo("stop reason weird_new_reason");
  }
}
