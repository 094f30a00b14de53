package dev.evals.model.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals.config.Environment;
import dev.evals.json.Mappers;
import dev.evals.model.MissingApiKeyException;
import dev.evals.model.ModelRegistry;
import dev.evals.model.ModelSpec;
import dev.evals.model.ProviderSettings;
import dev.evals.model.anthropic.AnthropicChatModel;
import dev.evals.model.gemini.GeminiChatModel;
import dev.evals.model.openai.OpenAiChatModel;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatModelFactoryTest {

  private final ModelRegistry registry = ModelRegistry.builtIn(Mappers.yaml());

  private static ChatModelFactory factory(Map<String, String> variables) {
    return new ChatModelFactory(Environment.of(variables), ProviderSettings.defaults());
  }

  @ParameterizedTest(name = "{0} needs {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          haiku             | ANTHROPIC_API_KEY is not set: export it or put it in .env
          4o                | OPENAI_API_KEY is not set: export it or put it in .env
          gemini-pro        | GEMINI_API_KEY (or GOOGLE_API_KEY) is not set: export it or put it in .env
          deepseek-v4-pro   | DEEPSEEK_API_KEY is not set: export it or put it in .env
          """)
  void namesTheVariableOfAMissingKey(String model, String message) {
    ModelSpec spec = registry.resolve(model);

    assertThatThrownBy(() -> factory(Map.of()).checkCredentials(spec))
        .isInstanceOf(MissingApiKeyException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> factory(Map.of()).create(spec))
        .isInstanceOf(MissingApiKeyException.class);
  }

  @Test
  void treatsABlankKeyAsMissing() {
    assertThatThrownBy(
            () ->
                factory(Map.of("ANTHROPIC_API_KEY", "  "))
                    .checkCredentials(registry.resolve("opus")))
        .isInstanceOf(MissingApiKeyException.class);
  }

  @Test
  void needsNoKeyForTheReferenceModelOrAnOpenAiCompatibleServer() {
    ChatModelFactory factory = factory(Map.of());

    factory.checkCredentials(registry.resolve("reference"));
    factory.checkCredentials(registry.resolve("openai-compatible:llama3"));
  }

  @Test
  void refusesToBuildAChatModelForTheReferenceModel() {
    assertThatThrownBy(() -> factory(Map.of()).create(registry.resolve("reference")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void picksTheAdapterOfEachProvider() {
    ChatModelFactory factory =
        factory(
            Map.of(
                "ANTHROPIC_API_KEY", "a-key",
                "OPENAI_API_KEY", "o-key",
                "GOOGLE_API_KEY", "g-key",
                "DEEPSEEK_API_KEY", "d-key"));

    assertThat(factory.create(registry.resolve("sonnet"))).isInstanceOf(AnthropicChatModel.class);
    assertThat(factory.create(registry.resolve("gpt-5.5"))).isInstanceOf(OpenAiChatModel.class);
    assertThat(factory.create(registry.resolve("flash"))).isInstanceOf(GeminiChatModel.class);
    assertThat(factory.create(registry.resolve("deepseek"))).isInstanceOf(OpenAiChatModel.class);
    assertThat(factory.create(registry.resolve("openai-compatible:qwen3")))
        .isInstanceOf(OpenAiChatModel.class);
  }

  @Test
  void reportsNoThrottlingBeforeAnyRequest() {
    assertThat(factory(Map.of()).throttleStatus()).isEmpty();
  }
}
