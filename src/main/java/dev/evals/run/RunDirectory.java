package dev.evals.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a run writes: the summary file and, beside it, a folder with {@code run.json}, {@code
 * index.jsonl}, {@code run.log} and one folder per attempt. Nothing is ever written outside it.
 */
public final class RunDirectory {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

  private final Path summaryFile;
  private final Path folder;

  private RunDirectory(Path summaryFile) {
    this.summaryFile = summaryFile.toAbsolutePath().normalize();
    String name = this.summaryFile.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    this.folder = this.summaryFile.resolveSibling(base);
  }

  /** A run whose summary goes to the given path. */
  public static RunDirectory at(Path summaryFile) {
    return new RunDirectory(summaryFile);
  }

  /** The run whose artifacts are in this folder (its summary is the sibling {@code .json}). */
  public static RunDirectory ofFolder(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    return new RunDirectory(absolute.resolveSibling(absolute.getFileName() + ".json"));
  }

  /** A run named by its folder or by its summary file. */
  public static RunDirectory locate(Path folderOrSummary) {
    return Files.isDirectory(folderOrSummary) ? ofFolder(folderOrSummary) : at(folderOrSummary);
  }

  /** The default place: {@code results/<UTC timestamp>__<mode>__<model>.json}. */
  public static RunDirectory defaultFor(
      Path resultsRoot, Instant start, String mode, String model) {
    String name = STAMP.format(start) + "__" + safe(mode) + "__" + safe(model) + ".json";
    return new RunDirectory(resultsRoot.resolve(name));
  }

  public RunDirectory create() throws IOException {
    Files.createDirectories(folder);
    return this;
  }

  public Path summaryFile() {
    return summaryFile;
  }

  public Path folder() {
    return folder;
  }

  public Path manifestFile() {
    return folder.resolve("run.json");
  }

  public Path logFile() {
    return folder.resolve("run.log");
  }

  public AttemptIndex index() {
    return new AttemptIndex(folder.resolve("index.jsonl"));
  }

  /** The folder of one attempt; a case id that would leave the run folder is refused. */
  public AttemptFolder attemptFolder(String caseId, int attempt) throws IOException {
    Path path = folder.resolve(caseId).resolve("attempt-" + attempt).normalize();
    if (!path.startsWith(folder) || path.equals(folder)) {
      throw new IllegalArgumentException("case id '" + caseId + "' would write outside the run");
    }
    Files.createDirectories(path);
    return new AttemptFolder(path, folder.relativize(path).toString().replace('\\', '/'));
  }

  public static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
