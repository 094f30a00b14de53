package dev.evals.model.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

  private final SecretMask mask = new SecretMask(List.of("sk-abc", "sk-abc-long", ""));

  @Test
  void replacesEverySecretWithStars() {
    assertThat(mask.mask("key sk-abc-long and sk-abc")).isEqualTo("key *** and ***");
  }

  @Test
  void cutsExcerptsToOneShortLine() {
    String excerpt = mask.excerpt("line one\n  line two sk-abc " + "x".repeat(500));

    assertThat(excerpt)
        .startsWith("line one line two *** x")
        .endsWith("...")
        .hasSize(SecretMask.EXCERPT_LENGTH + 3);
  }
}
