package dev.evals.suite;

import dev.evals.cases.CaseLoader;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The sha-256 of a mode's case file, stored with a run to notice later edits. */
final class CaseFileDigest {

  private CaseFileDigest() {}

  static String of(CaseLoader loader, String mode) throws IOException {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(loader.rawCaseFile(mode));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }
}
