package dev.evals.model.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.config.Environment;
import dev.evals.json.Mappers;
import dev.evals.model.ChatMessage;
import dev.evals.model.ChatRequest;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.model.ProviderSettings;
import dev.evals.model.RecordingSleeper;
import dev.evals.model.providers.ChatModelFactory;
import dev.evals.model.providers.ProviderStandIn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DeepSeek and local servers speak Chat Completions with {@code max_tokens}. */
class OpenAiCompatibleServersTest {

  private static final String KEY = "sk-test-secret";
  private static final String PATH = "/v1/chat/completions";
  private static final String ANSWER =
      """
      {"id": "930c60df-bf64-41c9-a88e-3ec75f81e00e", "object": "chat.completion",
       "created": 1705651092, "model": "deepseek-v4-flash",
       "choices": [{"index": 0,
         "message": {"role": "assistant", "content": "Hello! How can I help you today?"},
         "logprobs": null, "finish_reason": "stop"}],
       "usage": {"prompt_tokens": 16, "completion_tokens": 10, "total_tokens": 26,
         "prompt_cache_hit_tokens": 0, "prompt_cache_miss_tokens": 16},
       "system_fingerprint": "fp_44709d6fcb"}
      """;

  @RegisterExtension static WireMockExtension wm = ProviderStandIn.loopback();

  private final ModelRegistry registry = ModelRegistry.builtIn(Mappers.yaml());

  private static ChatModelFactory factory(Map<String, String> variables) {
    return new ChatModelFactory(
        Environment.of(variables),
        new ProviderSettings(0, Duration.ofSeconds(5), 5, new RecordingSleeper()));
  }

  private static ChatRequest hello() {
    return ChatRequest.of("", List.of(new ChatMessage.User("hi")), List.of());
  }

  @Test
  void sendsMaxTokensToDeepSeek() {
    wm.stubFor(post(urlEqualTo("/chat/completions")).willReturn(okJson(ANSWER)));
    ChatModelFactory factory =
        factory(Map.of("DEEPSEEK_API_KEY", KEY, "DEEPSEEK_BASE_URL", wm.baseUrl()));

    factory.create(registry.resolve("deepseek")).chat(hello());

    wm.verify(
        postRequestedFor(urlEqualTo("/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withRequestBody(matchingJsonPath("$.model", equalTo("deepseek-v4-flash")))
            .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("8192")))
            .withRequestBody(matchingJsonPath("$[?(!@.max_completion_tokens)]")));
  }

  @Test
  void callsAnOpenAiCompatibleServerWithoutAKey() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ANSWER)));
    ChatModelFactory factory = factory(Map.of("OPENAI_COMPATIBLE_BASE_URL", wm.baseUrl() + "/v1"));
    ModelSpec local = registry.resolve("openai-compatible:qwen3:8b");

    factory.checkCredentials(local);
    factory.create(local).chat(hello());

    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Authorization", absent())
            .withRequestBody(matchingJsonPath("$.model", equalTo("qwen3:8b")))
            .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("8192"))));
  }
}
