package dev.evals.report.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import dev.evals.run.AttemptRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What an attempt left in its folder, read for the HTML report. Anything missing or unreadable is
 * simply absent: a report never fails because an artifact is gone.
 *
 * @param judge {@code judge.json}, or null
 * @param transcript {@code transcript.json} as text, or null
 * @param files the other artifacts (flow.json, script.json, ...) by name
 * @param diffs expected-to-actual diffs, file by file (see {@link ArtifactDiffs}), or empty
 */
record AttemptArtifacts(
    JsonNode judge,
    String transcript,
    List<ArtifactFile> files,
    List<ArtifactDiffs.FileDiff> diffs) {

  /** A text artifact; long files are cut so one attempt cannot bloat the page. */
  record ArtifactFile(String name, String content) {}

  static final int MAX_CHARS = 200_000;
  private static final Set<String> SHOWN_ELSEWHERE =
      Set.of("transcript.json", "checks.json", "judge.json", "expected.json");

  static final AttemptArtifacts NONE = new AttemptArtifacts(null, null, List.of(), List.of());

  static AttemptArtifacts read(Path runFolder, AttemptRecord attempt) {
    if (runFolder == null || attempt.artifactsPath() == null) {
      return NONE;
    }
    Path folder = runFolder.resolve(attempt.artifactsPath()).normalize();
    if (!folder.startsWith(runFolder.normalize()) || !Files.isDirectory(folder)) {
      return NONE;
    }
    return new AttemptArtifacts(
        json(folder.resolve("judge.json")),
        text(folder.resolve("transcript.json")),
        files(folder),
        ArtifactDiffs.of(folder));
  }

  private static List<ArtifactFile> files(Path folder) {
    List<ArtifactFile> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(folder, 3)) {
      for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
        String name = folder.relativize(path).toString().replace('\\', '/');
        String content = text(path);
        if (!SHOWN_ELSEWHERE.contains(name) && content != null) {
          files.add(new ArtifactFile(name, content));
        }
      }
    } catch (IOException e) {
      return files;
    }
    return files;
  }

  private static JsonNode json(Path file) {
    try {
      return Files.isRegularFile(file) ? Mappers.json().readTree(file.toFile()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      String content = Files.readString(file, StandardCharsets.UTF_8);
      return content.length() > MAX_CHARS
          ? content.substring(0, MAX_CHARS) + "\n… (cut at " + MAX_CHARS + " characters)"
          : content;
    } catch (IOException e) {
      return null; // binary or unreadable: not worth showing
    }
  }
}
