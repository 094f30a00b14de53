package dev.evals.model.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/** How long the server asked us to wait before retrying, from whichever header it sent. */
final class ServerWait {

  private static final List<String> RESET_TIMESTAMPS =
      List.of(
          "anthropic-ratelimit-requests-reset",
          "anthropic-ratelimit-tokens-reset",
          "anthropic-ratelimit-input-tokens-reset",
          "anthropic-ratelimit-output-tokens-reset");
  private static final List<String> RESET_DURATIONS =
      List.of("x-ratelimit-reset-requests", "x-ratelimit-reset-tokens");
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

  private ServerWait() {}

  /** The wait asked for: retry-after-ms, then Retry-After, then the latest rate-limit reset. */
  static Optional<Duration> of(Headers headers, Clock clock) {
    Optional<Duration> millis = number(headers.get("retry-after-ms")).map(Duration::ofMillis);
    if (millis.isPresent()) {
      return millis;
    }
    String retryAfter = headers.get("retry-after");
    if (retryAfter != null) {
      Optional<Duration> seconds = number(retryAfter).map(s -> Duration.ofMillis(s * 1000));
      return seconds.isPresent() ? seconds : httpDate(retryAfter, clock);
    }
    return latestReset(headers, clock);
  }

  private static Optional<Duration> latestReset(Headers headers, Clock clock) {
    Optional<Duration> latest = Optional.empty();
    for (String name : RESET_TIMESTAMPS) {
      latest = later(latest, timestamp(headers.get(name), clock));
    }
    for (String name : RESET_DURATIONS) {
      latest = later(latest, goDuration(headers.get(name)));
    }
    return latest;
  }

  private static Optional<Duration> later(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
  }

  private static Optional<Long> number(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Math.max(0, Math.round(Double.parseDouble(value.trim()))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> httpDate(String value, Clock clock) {
    try {
      Instant at =
          ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(untilFrom(clock, at));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> timestamp(String value, Clock clock) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(untilFrom(clock, OffsetDateTime.parse(value.trim()).toInstant()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** OpenAI's reset durations look like {@code 1s}, {@code 6m0s} or {@code 20ms}. */
  static Optional<Duration> goDuration(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Matcher part = DURATION_PART.matcher(value.trim());
    double millis = 0;
    int end = 0;
    while (part.find() && part.start() == end) {
      double amount = Double.parseDouble(part.group(1));
      millis +=
          switch (part.group(2)) {
            case "h" -> amount * 3_600_000;
            case "m" -> amount * 60_000;
            case "s" -> amount * 1000;
            default -> amount;
          };
      end = part.end();
    }
    return end == value.trim().length()
        ? Optional.of(Duration.ofMillis(Math.round(millis)))
        : Optional.empty();
  }

  private static Duration untilFrom(Clock clock, Instant at) {
    Duration wait = Duration.between(clock.instant(), at);
    return wait.isNegative() ? Duration.ZERO : wait;
  }
}
