package dev.evals.suite;

import dev.evals.config.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The commit a run measured: {@code GITHUB_SHA} in CI, else the cases root's HEAD. */
final class GitRevision {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

  private GitRevision() {}

  static String of(Path casesRoot, Environment environment) {
    return environment.get("GITHUB_SHA").orElseGet(() -> head(casesRoot));
  }

  private static String head(Path casesRoot) {
    try {
      Process git =
          new ProcessBuilder("git", "-C", casesRoot.toString(), "rev-parse", "HEAD")
              .redirectErrorStream(true)
              .start();
      String output =
          new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      boolean exited = git.waitFor(5, TimeUnit.SECONDS);
      return exited && git.exitValue() == 0 && SHA.matcher(output).matches() ? output : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
