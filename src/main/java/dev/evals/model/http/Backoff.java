package dev.evals.model.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import okhttp3.Headers;

/**
 * The wait before a retry: what the server asked for when it said, else exponential backoff from
 * one second, doubled per retry up to a minute, with jitter so parallel attempts spread out.
 */
public final class Backoff {

  static final Duration BASE = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  static final Duration MAX_SERVER_WAIT = Duration.ofMinutes(5);

  private final Random random;
  private final Clock clock;

  public Backoff(Random random, Clock clock) {
    this.random = random;
    this.clock = clock;
  }

  /**
   * @param retry zero for the first retry
   * @param headers the failed response's headers, empty for a connection failure
   * @param body the failed response's body, empty for a connection failure
   */
  public Duration delay(int retry, Headers headers, String body) {
    Optional<Duration> asked = serverWait(headers, body);
    if (asked.isPresent()) {
      return asked.get().compareTo(MAX_SERVER_WAIT) > 0 ? MAX_SERVER_WAIT : asked.get();
    }
    long exponential = BASE.toMillis() << Math.min(retry, 16);
    long capped = Math.min(exponential, MAX_BACKOFF.toMillis());
    // Half fixed, half random: never a zero wait, never a thundering herd.
    return Duration.ofMillis(capped / 2 + (long) (random.nextDouble() * (capped / 2.0)));
  }

  /** The wait the server asked for, in a header or (Gemini) in the error body, if it did. */
  public Optional<Duration> serverWait(Headers headers, String body) {
    return ServerWait.of(headers, clock).or(() -> ErrorBody.retryDelay(body));
  }
}
