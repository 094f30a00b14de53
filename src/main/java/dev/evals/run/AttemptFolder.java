package dev.evals.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.config.Secrets;
import dev.evals.files.AtomicFile;
import dev.evals.json.Mappers;
import dev.evals.modes.ArtifactSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One attempt's folder; every write stays inside it. */
public final class AttemptFolder implements ArtifactSink {

  private final Path path;
  private final String relativeToRun;

  AttemptFolder(Path path, String relativeToRun) {
    this.path = path;
    this.relativeToRun = relativeToRun;
  }

  public Path path() {
    return path;
  }

  /** The folder relative to the run directory, as recorded in results. */
  public String relativeToRun() {
    return relativeToRun;
  }

  @Override
  public void write(String relativePath, String content) throws IOException {
    Path target = path.resolve(relativePath).normalize();
    if (Path.of(relativePath).isAbsolute() || !target.startsWith(path) || target.equals(path)) {
      throw new IllegalArgumentException(
          "artifact path escapes the attempt folder: " + relativePath);
    }
    if (!target.getParent().equals(path)) {
      // The attempt folder itself exists (RunDirectory made it); only subfolders may not.
      Files.createDirectories(target.getParent());
    }
    AtomicFile.write(target, content);
  }

  /**
   * Makes {@code name}, a file of this folder that does not exist yet, a hard link to {@code
   * existing}, a durable file of this run with exactly the content it should have.
   *
   * @return false, leaving the folder as it was, when the file exists already or the file system
   *     makes no hard links: the caller writes the file instead
   */
  boolean link(String name, Path existing) throws IOException {
    try {
      Files.createLink(path.resolve(name), existing);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      // Already there (an attempt run again), or no links here: the write says what is wrong.
      return false;
    }
  }

  /** Writes {@code json} as the file {@code name}, every secret in it masked. */
  void writeJson(String name, JsonNode json, Secrets secrets) throws IOException {
    write(name, secrets.redact(Mappers.json().writeValueAsString(json)) + "\n");
  }
}
