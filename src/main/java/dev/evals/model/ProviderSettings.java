package dev.evals.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How the provider layer calls the APIs.
 *
 * @param maxRetries retries after the first attempt of a request
 * @param requestTimeout the whole-call timeout of one HTTP attempt
 * @param maxConcurrency the concurrent requests allowed per provider and key before throttling
 * @param sleeper waits between retries
 */
public record ProviderSettings(
    int maxRetries, Duration requestTimeout, int maxConcurrency, Sleeper sleeper) {

  public ProviderSettings {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries cannot be negative");
    }
    if (requestTimeout == null || requestTimeout.isZero() || requestTimeout.isNegative()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1");
    }
    Objects.requireNonNull(sleeper, "sleeper");
  }

  /** Six retries, three minutes per request, five concurrent requests, real waits. */
  public static ProviderSettings defaults() {
    return new ProviderSettings(6, Duration.ofSeconds(180), 5, Sleeper.REAL);
  }
}
