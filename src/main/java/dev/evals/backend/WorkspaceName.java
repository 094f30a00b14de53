package dev.evals.backend;

import java.util.Locale;
import java.util.Random;

/** Names an isolated workspace: {@code <prefix>-<case slug>-<8 random hex>}. */
final class WorkspaceName {

  static final int SLUG_LENGTH = 30;

  private WorkspaceName() {}

  static String isolated(String prefix, String caseId, Random random) {
    String slug =
        caseId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > SLUG_LENGTH) {
      slug = slug.substring(0, SLUG_LENGTH).replaceAll("-+$", "");
    }
    String suffix = String.format("%08x", random.nextInt());
    return prefix + "-" + (slug.isEmpty() ? "case" : slug) + "-" + suffix;
  }
}
