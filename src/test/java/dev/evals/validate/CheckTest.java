package dev.evals.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals.json.Mappers;
import org.junit.jupiter.api.Test;

class CheckTest {

  @Test
  void anOrdinaryCheckIsWrittenWithoutAWarningField() throws Exception {
    String json = Mappers.json().writeValueAsString(Check.fail("flow has modules", "no steps"));

    assertThat(Mappers.json().readTree(json).has("warning")).isFalse();
  }

  @Test
  void aWarningIsAPassingCheckMarkedAsSuch() throws Exception {
    Check warning = Check.warn("module types are known", "step 'x' has type 'teleport'");

    String json = Mappers.json().writeValueAsString(warning);

    assertThat(Mappers.json().readTree(json).get("warning").asBoolean()).isTrue();
    assertThat(Mappers.json().readValue(json, Check.class)).isEqualTo(warning);
    assertThat(warning.passed()).isTrue();
  }

  @Test
  void aCheckWrittenBeforeWarningsExistedReadsAsAnOrdinaryCheck() throws Exception {
    Check read =
        Mappers.json()
            .readValue("{\"name\":\"n\",\"passed\":false,\"detail\":\"why\"}", Check.class);

    assertThat(read).isEqualTo(Check.fail("n", "why"));
  }

  @Test
  void aWarningCannotFail() {
    assertThatThrownBy(() -> new Check("n", false, "d", true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
