package dev.evals.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with a file under {@code src/test/resources/golden/}. Run the tests with {@code
 * -Devals.golden.update=true} (or {@code EVALS_GOLDEN_UPDATE=true}) to rewrite the files with what
 * the code writes today, then review the diff.
 */
public final class Golden {

  private static final Path ROOT = Path.of("src/test/resources/golden").toAbsolutePath();

  private Golden() {}

  /** Whether this test run rewrites the golden files instead of comparing with them. */
  public static boolean updating() {
    return Boolean.getBoolean("evals.golden.update")
        || "true".equals(System.getenv("EVALS_GOLDEN_UPDATE"));
  }

  public static void assertMatches(String name, String actual) {
    Path file = ROOT.resolve(name);
    try {
      if (updating()) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file)
          .as("golden file %s (rewrite with -Devals.golden.update=true)", name)
          .exists();
      assertThat(actual)
          .as("%s differs from its golden file (rewrite with -Devals.golden.update=true)", name)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
