package dev.evals.judge;

import java.util.Collection;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The random token that fences every text the judge must read as data, not as instructions: the
 * request, the states and the artifact. It is drawn when the attempt is judged, so the model under
 * test never saw it, and it never occurs in the fenced texts, so none of them can close its fence.
 *
 * @param token 16 hex digits
 */
record Boundary(String token) {

  Boundary {
    Objects.requireNonNull(token, "token");
  }

  /** A token of {@code random} that none of {@code texts} contains; drawn again until so. */
  static Boundary drawn(RandomGenerator random, Collection<String> texts) {
    while (true) {
      Boundary boundary = new Boundary(HexFormat.of().toHexDigits(random.nextLong()));
      if (texts.stream().noneMatch(text -> text.contains(boundary.token()))) {
        return boundary;
      }
    }
  }

  String open(String label) {
    return "<<<BEGIN DATA " + token + ": " + label + ">>>";
  }

  String close(String label) {
    return "<<<END DATA " + token + ": " + label + ">>>";
  }

  /** {@code text} between this boundary's opening and closing lines. */
  String fence(String label, String text) {
    return open(label) + "\n" + text + "\n" + close(label) + "\n";
  }
}
