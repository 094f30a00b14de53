package dev.evals.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a throwaway cases root (cases/ and fixtures/) inside a test's temporary folder. */
public final class CasesRoot {

  private final Path root;

  public CasesRoot(Path root) {
    this.root = root;
  }

  public Path path() {
    return root;
  }

  public CasesRoot file(String relative, String content) {
    try {
      Path target = root.resolve(relative);
      Files.createDirectories(target.getParent());
      Files.writeString(target, content, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public CasesRoot caseFile(String mode, String yaml) {
    return file("cases/" + mode + ".yaml", yaml);
  }
}
