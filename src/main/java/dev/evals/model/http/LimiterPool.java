package dev.evals.model.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
  private final Map<String, AdaptiveLimiter> limiters = new ConcurrentSkipListMap<>();

  public LimiterPool(int maxConcurrency) {
    this.maxConcurrency = maxConcurrency;
  }

  /** The limiter of a provider used with a key (null or empty for keyless servers). */
  public AdaptiveLimiter limiter(String provider, String apiKey) {
    return limiters.computeIfAbsent(
        provider + " " + fingerprint(apiKey), ignored -> new AdaptiveLimiter(maxConcurrency));
  }

  /** One line per provider and key currently below its maximum concurrency. */
  public List<String> throttleStatus() {
    return limiters.entrySet().stream()
        .filter(e -> e.getValue().throttled())
        .map(
            e ->
                providerOf(e.getKey())
                    + " throttled to "
                    + e.getValue().allowed()
                    + " concurrent request"
                    + (e.getValue().allowed() == 1 ? "" : "s"))
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
