package dev.evals.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryOverlayTest {

  @TempDir Path dir;

  private final ModelRegistry builtIn = ModelRegistry.builtIn(Mappers.yaml());

  private ModelRegistry overlay(String yaml) throws IOException {
    Path file = dir.resolve("models.yaml");
    Files.writeString(file, yaml);
    return builtIn.overlaidWith(Mappers.yaml(), file, "suite/models.yaml");
  }

  @Test
  void replacesAnEntryByAliasAndPricesWithTheNewRates() throws IOException {
    ModelRegistry registry =
        overlay(
            """
            - alias: Haiku
              provider: anthropic
              modelId: claude-haiku-next
              price: {input: 2, output: 10}
            """);

    ModelSpec haiku = registry.resolve("haiku");
    assertThat(haiku.modelId()).isEqualTo("claude-haiku-next");
    assertThat(haiku.cost(TokenUsage.of(1_000_000, 100_000))).isEqualByComparingTo("3");
    assertThat(registry.all()).hasSameSizeAs(builtIn.all());
    assertThat(registry.resolve("sonnet")).isEqualTo(builtIn.resolve("sonnet"));
  }

  @Test
  void addsNewAliasesAfterTheBuiltInOnes() throws IOException {
    ModelRegistry registry =
        overlay(
            """
            - alias: house
              provider: openai-compatible
              modelId: qwen2.5
              spellings: [qwen]
            """);

    assertThat(registry.resolve("qwen").provider()).isEqualTo(Provider.OPENAI_COMPATIBLE);
    assertThat(registry.resolve("house").price().isFree()).isTrue();
    assertThat(registry.all()).hasSize(builtIn.all().size() + 1);
  }

  @Test
  void namesTheFileAndLineOfABadEntry() {
    assertThatThrownBy(
            () ->
                overlay(
                    """
                    - alias: fine
                      provider: openai
                      modelId: x
                    - alias: typo
                      provider: openai
                      modelid: y
                    """))
        .isInstanceOf(ModelFileException.class)
        .hasMessage("suite/models.yaml:7: an entry ending here has no modelId");
  }

  @Test
  void anEmptyFileChangesNothing() throws IOException {
    assertThat(overlay("# nothing yet\n").all()).isEqualTo(builtIn.all());
  }
}
