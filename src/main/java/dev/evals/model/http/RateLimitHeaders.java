package dev.evals.model.http;

import java.util.List;
import java.util.OptionalDouble;
import okhttp3.Headers;

/** Reads how much of a rate limit is left from the headers Anthropic and OpenAI send. */
final class RateLimitHeaders {

  /** Remaining / limit header pairs, Anthropic's and then OpenAI's (also DeepSeek's). */
  private static final List<String[]> PAIRS =
      List.of(
          pair("anthropic-ratelimit-requests-remaining", "anthropic-ratelimit-requests-limit"),
          pair("anthropic-ratelimit-tokens-remaining", "anthropic-ratelimit-tokens-limit"),
          pair(
              "anthropic-ratelimit-input-tokens-remaining",
              "anthropic-ratelimit-input-tokens-limit"),
          pair(
              "anthropic-ratelimit-output-tokens-remaining",
              "anthropic-ratelimit-output-tokens-limit"),
          pair("x-ratelimit-remaining-requests", "x-ratelimit-limit-requests"),
          pair("x-ratelimit-remaining-tokens", "x-ratelimit-limit-tokens"));

  private RateLimitHeaders() {}

  /** The smallest fraction left over every limit the headers report, empty when none is. */
  static OptionalDouble headroom(Headers headers) {
    return PAIRS.stream()
        .mapToDouble(p -> fraction(headers.get(p[0]), headers.get(p[1])))
        .filter(f -> f >= 0)
        .min();
  }

  private static double fraction(String remaining, String limit) {
    if (remaining == null || limit == null) {
      return -1;
    }
    try {
      double max = Double.parseDouble(limit.trim());
      return max <= 0 ? -1 : Math.max(0, Double.parseDouble(remaining.trim())) / max;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String[] pair(String remaining, String limit) {
    return new String[] {remaining, limit};
  }
}
