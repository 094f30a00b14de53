package dev.evals.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals.json.Mappers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelRegistryTest {

  private final ModelRegistry registry = ModelRegistry.builtIn(Mappers.yaml());

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          haiku                      | haiku
          Claude-Haiku-5.5           | haiku
          claude-haiku-4-5-20251001  | haiku-4.5
          ' sonnet '                 | sonnet
          claude-sonnet-5-5          | sonnet
          OPUS                       | opus
          claude-opus-4.6            | opus-4.6
          claude-opus-5-5-thinking   | opus-thinking
          gpt-4o                     | 4o
          gpt4o                      | 4o
          5.5                        | gpt-5.5
          flash                      | gemini-flash
          gemini-2.5-pro             | gemini-pro
          gemini-3-flash             | gemini-3-flash-preview
          gemini-3-pro-preview       | gemini-3.1-pro-preview
          deepseek                   | deepseek-v4-flash
          deepseek-pro               | deepseek-v4-pro
          ref                        | reference
          """)
  void resolvesAliasesAndSpellings(String typed, String alias) {
    assertThat(registry.resolve(typed).alias()).isEqualTo(alias);
  }

  @Test
  void resolvesARawIdOfARegisteredModelToItsEntry() {
    ModelSpec spec = registry.resolve("anthropic:claude-haiku-4-5-20251001");

    assertThat(spec.alias()).isEqualTo("haiku-4.5");
    assertThat(spec.price().input()).isEqualByComparingTo("1.00");
  }

  @Test
  void resolvesAnUnregisteredRawIdAtZeroPrice() {
    ModelSpec spec = registry.resolve("anthropic:claude-3-7-sonnet-20250219");

    assertThat(spec.provider()).isEqualTo(Provider.ANTHROPIC);
    assertThat(spec.modelId()).isEqualTo("claude-3-7-sonnet-20250219");
    assertThat(spec.alias()).isEqualTo("anthropic:claude-3-7-sonnet-20250219");
    assertThat(spec.price().input()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  /** Today's date on purpose: the build fails the day a shipped model retires. */
  @Test
  void shipsNoAliasOrDefaultPastItsRetirementOnTheDayTheBuildRuns() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    assertThat(registry.all())
        .allSatisfy(
            m -> assertThat(m.lifecycle().status(today)).isNotEqualTo(Lifecycle.Status.RETIRED));
    for (String name : List.of(ModelRegistry.DEFAULT_MODEL, ModelRegistry.DEFAULT_JUDGE_MODEL)) {
      ModelSpec model = registry.resolve(name);
      assertThat(model.lifecycle().status(today)).isEqualTo(Lifecycle.Status.ACTIVE);
    }
  }

  @Test
  void namesAReplacementThatIsRegisteredAndActive() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    registry.all().stream()
        .filter(m -> m.lifecycle().replacement() != null)
        .forEach(
            m ->
                assertThat(registry.resolve(m.lifecycle().replacement()).lifecycle().status(today))
                    .isEqualTo(Lifecycle.Status.ACTIVE));
  }

  @Test
  void readsLifecycleAndOptionsFromTheRegistry() {
    ModelSpec gpt4o = registry.resolve("4o");
    ModelSpec thinking = registry.resolve("opus-4.6-thinking");

    assertThat(gpt4o.lifecycle().retires()).isEqualTo(LocalDate.parse("2027-01-14"));
    assertThat(gpt4o.lifecycle().status(LocalDate.parse("2027-01-13")))
        .isEqualTo(Lifecycle.Status.DEPRECATED);
    assertThat(gpt4o.lifecycle().status(LocalDate.parse("2027-01-14")))
        .isEqualTo(Lifecycle.Status.RETIRED);
    assertThat(thinking.options().values()).containsEntry("thinking", "8192");
    assertThat(registry.resolve("sonnet").options().forcedToolAllowed()).isFalse();
  }

  @Test
  void checksEveryShippedOptionAgainstItsProvider() {
    registry.all().forEach(m -> m.options().check(m.provider(), m.alias()));
  }

  @Test
  void suggestsTheClosestNameForATypo() {
    assertThatThrownBy(() -> registry.resolve("sonet"))
        .isInstanceOf(UnknownModelException.class)
        .hasMessageStartingWith("unknown model 'sonet' (did you mean 'sonnet'?)");
  }

  @Test
  void rejectsAnUnknownProvider() {
    assertThatThrownBy(() -> registry.resolve("mistral:large"))
        .isInstanceOf(UnknownModelException.class)
        .hasMessageContaining("unknown provider 'mistral'");
  }

  @Test
  void givesEveryNameToOneModelOnly() {
    List<String> names = new ArrayList<>();
    for (ModelSpec model : registry.all()) {
      names.add(model.alias().toLowerCase(Locale.ROOT));
      model.spellings().forEach(s -> names.add(s.toLowerCase(Locale.ROOT)));
    }

    assertThat(names).doesNotHaveDuplicates();
  }
}
