package dev.evals.model.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One {@link AdaptiveLimiter} per provider and API key, shared by every model of a run. Keys are
 * identified by a hash, never kept in clear.
 */
public final class LimiterPool {

  private final int maxConcurrency;
  private final Clock clock;
  private final Map<String, AdaptiveLimiter> limiters = new ConcurrentSkipListMap<>();

  public LimiterPool(int maxConcurrency, Clock clock) {
    this.maxConcurrency = maxConcurrency;
    this.clock = clock;
  }

  /** The limiter of a provider used with a key (null or empty for keyless servers). */
  public AdaptiveLimiter limiter(String provider, String apiKey) {
    return limiters.computeIfAbsent(
        provider + " " + fingerprint(apiKey),
        ignored -> new AdaptiveLimiter(maxConcurrency, clock));
  }

  /**
   * One line per provider and key in use, with the concurrency its limiter allows now, for example
   * "anthropic allows 12/50 concurrent".
   */
  public List<String> allowances() {
    return limiters.entrySet().stream()
        .map(
            e ->
                providerOf(e.getKey())
                    + " allows "
                    + e.getValue().allowed()
                    + "/"
                    + e.getValue().max()
                    + " concurrent")
        .toList();
  }

  private static String providerOf(String entryKey) {
    return entryKey.substring(0, entryKey.indexOf(' '));
  }

  static String fingerprint(String apiKey) {
    if (apiKey == null || apiKey.isEmpty()) {
      return "no-key";
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
