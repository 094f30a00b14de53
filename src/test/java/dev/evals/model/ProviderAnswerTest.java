package dev.evals.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderAnswerTest {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Answer(List<Part> parts) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Part(Long tokens) {}

  @Test
  void readsTheFieldsItKnowsAndIgnoresTheRest() throws Exception {
    JsonNode body = Mappers.json().readTree("{\"parts\": [{\"tokens\": 3, \"new\": 1}], \"x\": 2}");

    assertThat(ProviderAnswer.read("acme", "Acme response", body, Answer.class))
        .isEqualTo(new Answer(List.of(new Part(3L))));
  }

  @Test
  void namesWhereTheShapeBrokeWithoutQuotingTheBody() throws Exception {
    JsonNode body = Mappers.json().readTree("{\"parts\": [{\"tokens\": {\"secret\": \"sk-1\"}}]}");

    ProviderException.Unreadable failure =
        catchThrowableOfType(
            () -> ProviderAnswer.read("acme", "Acme response", body, Answer.class),
            ProviderException.Unreadable.class);

    assertThat(failure)
        .hasMessage("acme: HTTP 200 whose body is not a Acme response at parts[0].tokens");
    assertThat(failure.status()).isEqualTo(200);
    assertThat(failure.retriable()).isTrue();
  }

  @Test
  void aJsonNullIsUnreadableToo() throws Exception {
    JsonNode body = Mappers.json().readTree("null");

    ProviderException.Unreadable failure =
        catchThrowableOfType(
            () -> ProviderAnswer.read("acme", "Acme response", body, Answer.class),
            ProviderException.Unreadable.class);

    assertThat(failure).hasMessage("acme: HTTP 200 whose body is not a Acme response");
  }

  @Test
  void anArrayWhereAnObjectBelongsBreaksAtTheTopLevel() throws Exception {
    JsonNode body = Mappers.json().readTree("[1, 2]");

    ProviderException.Unreadable failure =
        catchThrowableOfType(
            () -> ProviderAnswer.read("acme", "Acme response", body, Answer.class),
            ProviderException.Unreadable.class);

    assertThat(failure).hasMessageEndingWith("at the top level");
  }
}
