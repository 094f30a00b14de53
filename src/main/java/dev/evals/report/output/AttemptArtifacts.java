package dev.evals.report.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import dev.evals.run.AttemptRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What an attempt left in its folder, read when a page needs it and dropped after, so a report
 * never holds more than one attempt's files. Anything missing or unreadable is simply absent: a
 * report never fails because an artifact is gone.
 *
 * @param folder the attempt folder, inside the run folder
 */
record AttemptArtifacts(Path folder) {

  /** A text artifact; long files are cut so one attempt cannot bloat its page. */
  record ArtifactFile(String name, String content) {}

  static final int MAX_CHARS = 200_000;

  /** Beyond this a transcript is not parsed for its page; the raw file is linked instead. */
  static final long MAX_TRANSCRIPT_BYTES = 4_000_000;

  static final int MAX_FILES = 100;
  static final String TRANSCRIPT = "transcript.json";
  static final String EXPECTED = "expected.json";

  private static final Set<String> SHOWN_ELSEWHERE =
      Set.of(TRANSCRIPT, "checks.json", "judge.json", EXPECTED, AttemptPage.FILE);

  /** The attempt's folder, or null when it has none or it is not inside the run folder. */
  static AttemptArtifacts of(Path runFolder, AttemptRecord attempt) {
    if (runFolder == null || attempt.artifactsPath() == null) {
      return null;
    }
    Path run = runFolder.toAbsolutePath().normalize();
    Path folder = run.resolve(attempt.artifactsPath()).normalize();
    if (!folder.startsWith(run) || folder.equals(run) || !Files.isDirectory(folder)) {
      return null;
    }
    return new AttemptArtifacts(folder);
  }

  /** {@code judge.json}, or null. */
  JsonNode judge() {
    return json(folder.resolve("judge.json"), Long.MAX_VALUE);
  }

  /** {@code transcript.json} parsed, or null when it is missing, unreadable or too large. */
  JsonNode transcript() {
    return json(folder.resolve(TRANSCRIPT), MAX_TRANSCRIPT_BYTES);
  }

  boolean hasTranscript() {
    return Files.isRegularFile(folder.resolve(TRANSCRIPT));
  }

  /** The artifact files (flow.json, script.json, a cli workspace, ...), by path in the folder. */
  List<ArtifactFile> files() {
    List<ArtifactFile> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(folder, 12)) {
      for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
        String name = folder.relativize(path).toString().replace('\\', '/');
        String content = SHOWN_ELSEWHERE.contains(name) ? null : text(path);
        if (content != null && files.size() < MAX_FILES) {
          files.add(new ArtifactFile(name, content));
        }
      }
    } catch (IOException e) {
      return files;
    }
    return files;
  }

  /** {@code expected.json}, the reference solution the attempt is compared with, or null. */
  ArtifactFile expected() {
    String content = text(folder.resolve(EXPECTED));
    return content == null ? null : new ArtifactFile(EXPECTED, content);
  }

  /** Every diff of an artifact against the expected solution, file by file. */
  List<ArtifactDiffs.FileDiff> diffs() {
    return ArtifactDiffs.of(folder);
  }

  private static JsonNode json(Path file, long maxBytes) {
    try {
      return Files.isRegularFile(file) && Files.size(file) <= maxBytes
          ? Mappers.json().readTree(file.toFile())
          : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The file as text, at most {@link #MAX_CHARS} of it read; null when missing or binary. */
  static String text(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      char[] buffer = new char[(int) Math.min(MAX_CHARS + 1L, Files.size(file) + 1)];
      int read = 0;
      for (int n; read < buffer.length && (n = in.read(buffer, read, buffer.length - read)) > 0; ) {
        read += n;
      }
      return cut(new String(buffer, 0, read));
    } catch (IOException e) {
      return null; // binary or unreadable: not worth showing
    }
  }

  /** The text, cut at {@link #MAX_CHARS} with a note saying so. */
  static String cut(String content) {
    return content.length() > MAX_CHARS
        ? content.substring(0, MAX_CHARS) + "\n… (cut at " + MAX_CHARS + " characters)"
        : content;
  }
}
