package dev.evals.model.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.evals.model.ChatMessage;
import dev.evals.model.ChatRequest;
import dev.evals.model.ContextOverflowException;
import dev.evals.model.ProviderException;
import dev.evals.model.RecordingSleeper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The status → failure table, run against each of the three providers through its real adapter. */
class ProviderFailuresTest {

  @RegisterExtension static WireMockExtension wm = ProviderStandIn.loopback();

  private static final String ERROR =
      "{\"error\": {\"message\": \"refused for key " + ProviderStandIn.KEY + "\"}}";

  /** One row: what the provider answers, and the failure it must become. */
  record Row(
      String answer,
      ResponseDefinitionBuilder response,
      Class<? extends ProviderException> kind,
      boolean retriable,
      Integer status,
      Optional<Duration> retryAfter) {
    @Override
    public String toString() {
      return answer;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        row("401", error(401), ProviderException.Unauthorized.class, false, 401),
        row("403", error(403), ProviderException.Unauthorized.class, false, 403),
        row("400", error(400), ProviderException.BadRequest.class, false, 400),
        row("404", error(404), ProviderException.BadRequest.class, false, 404),
        row("422", error(422), ProviderException.BadRequest.class, false, 422),
        new Row(
            "429 with Retry-After",
            error(429).withHeader("retry-after", "7"),
            ProviderException.RateLimited.class,
            true,
            429,
            Optional.of(Duration.ofSeconds(7))),
        row("500", error(500), ProviderException.ServerError.class, true, 500),
        row("503", error(503), ProviderException.ServerError.class, true, 503),
        row("529", error(529), ProviderException.ServerError.class, true, 529),
        row(
            "200 with a proxy's page",
            aResponse().withStatus(200).withBody("<html>" + ProviderStandIn.KEY + "</html>"),
            ProviderException.Unreadable.class,
            true,
            200),
        row(
            "200 with JSON of another shape",
            aResponse()
                .withStatus(200)
                .withHeader("content-type", "application/json")
                .withBody(
                    "{\"content\": 7, \"choices\": 7, \"candidates\": 7, \"echo\": \""
                        + ProviderStandIn.KEY
                        + "\"}"),
            ProviderException.Unreadable.class,
            true,
            200),
        row(
            "a reset connection",
            aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
            ProviderException.Unreachable.class,
            true,
            null),
        row(
            "400 prompt is too long",
            aResponse()
                .withStatus(400)
                .withBody("{\"error\": {\"message\": \"prompt is too long: 210000 tokens\"}}"),
            ContextOverflowException.class,
            false,
            400));
  }

  static Stream<Arguments> table() {
    return Stream.of(ProviderStandIn.ANTHROPIC, ProviderStandIn.OPENAI, ProviderStandIn.GEMINI)
        .flatMap(provider -> rows().map(row -> Arguments.of(provider.alias(), provider, row)));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("table")
  void turnsEveryAnswerIntoItsKindOfFailure(String alias, ProviderStandIn provider, Row row) {
    wm.stubFor(post(urlEqualTo(provider.path())).willReturn(row.response()));

    ProviderException failure =
        catchThrowableOfType(
            () -> provider.model(wm, 0, new RecordingSleeper()).chat(request()),
            ProviderException.class);

    assertThat(failure).isExactlyInstanceOf(row.kind());
    assertThat(failure.retriable()).isEqualTo(row.retriable());
    assertThat(status(failure)).isEqualTo(Optional.ofNullable(row.status()));
    if (failure instanceof ProviderException.RateLimited limited) {
      assertThat(limited.retryAfter()).isEqualTo(row.retryAfter());
    }
    assertThat(failure.getMessage())
        .startsWith(provider.spec().provider().id() + ": ")
        .doesNotContain(ProviderStandIn.KEY);
  }

  private static Optional<Integer> status(ProviderException failure) {
    return failure instanceof ProviderException.Answered answered
        ? Optional.of(answered.status())
        : Optional.empty();
  }

  private static ChatRequest request() {
    return ChatRequest.of(
        "You build Windmill flows.", List.of(new ChatMessage.User("Hi")), List.of());
  }

  private static ResponseDefinitionBuilder error(int status) {
    return aResponse()
        .withStatus(status)
        .withHeader("content-type", "application/json")
        .withBody(ERROR);
  }

  private static Row row(
      String answer,
      ResponseDefinitionBuilder response,
      Class<? extends ProviderException> kind,
      boolean retriable,
      Integer status) {
    return new Row(answer, response, kind, retriable, status, Optional.empty());
  }
}
