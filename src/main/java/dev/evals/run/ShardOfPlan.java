package dev.evals.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's share of a larger plan ({@code --shard i/n}). The whole plan is every case of the run
 * times every repeat; its attempts are sorted by case id (plain UTF-16 order, no locale) and repeat
 * and dealt round-robin, so shard {@code i} holds positions {@code i-1}, {@code i-1+n}, ... Every
 * machine given the same cases and {@code --runs} deals the same shards, and their sizes differ by
 * at most one.
 *
 * @param index this shard, 1-based
 * @param count how many shards the plan is dealt into
 * @param planSize attempts in the whole plan
 * @param planDigest sha-256 over the mode and the whole plan's attempt keys in dealing order
 */
public record ShardOfPlan(int index, int count, int planSize, String planDigest) {

  private static final Comparator<AttemptKey> DEALING_ORDER =
      Comparator.comparing(AttemptKey::caseId).thenComparingInt(AttemptKey::attempt);

  public ShardOfPlan {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "shard " + index + "/" + count + " is not one of 1.." + count);
    }
  }

  /**
   * Shard {@code index} of {@code count} of the plan of these cases, each repeated {@code runs}
   * times.
   */
  public static ShardOfPlan of(int index, int count, String mode, List<String> caseIds, int runs) {
    List<AttemptKey> dealt = dealingOrder(caseIds, runs);
    return new ShardOfPlan(index, count, dealt.size(), digest(mode, dealt));
  }

  /** The keys ({@code caseId#n}) of the attempts this shard holds. */
  public Set<String> keys(List<String> caseIds, int runs) {
    List<AttemptKey> dealt = dealingOrder(caseIds, runs);
    Set<String> mine = new LinkedHashSet<>();
    for (int position = index - 1; position < dealt.size(); position += count) {
      mine.add(dealt.get(position).toString());
    }
    return mine;
  }

  /** The digest {@link #of} computes for this plan, to tell whether two shards share a plan. */
  public static String digestOf(String mode, List<String> caseIds, int runs) {
    return digest(mode, dealingOrder(caseIds, runs));
  }

  private static List<AttemptKey> dealingOrder(List<String> caseIds, int runs) {
    List<AttemptKey> keys = new ArrayList<>();
    for (String id : caseIds) {
      for (int attempt = 1; attempt <= runs; attempt++) {
        keys.add(new AttemptKey(id, attempt));
      }
    }
    keys.sort(DEALING_ORDER);
    return keys;
  }

  private static String digest(String mode, List<AttemptKey> dealt) {
    StringBuilder text = new StringBuilder(mode).append('\n');
    dealt.forEach(key -> text.append(key).append('\n'));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }
}
