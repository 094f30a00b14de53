package dev.evals.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * Where a run writes: the summary file and, beside it, a folder with {@code run.json}, {@code
 * index.jsonl}, {@code run.log} and one folder per attempt. Nothing is ever written outside it.
 */
public final class RunDirectory {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String SUFFIX_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int SUFFIX_LENGTH = 4;

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

  /**
   * The default place: {@code results/<UTC time to the millisecond>-<4 random letters>__<mode>__
   * <model>.json}, so runs started at the same moment still get folders of their own.
   */
  public static RunDirectory defaultFor(
      Path resultsRoot, Instant start, String mode, String model, RandomGenerator random) {
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      suffix.append(SUFFIX_LETTERS.charAt(random.nextInt(SUFFIX_LETTERS.length())));
    }
    String name =
        STAMP.format(start) + "-" + suffix + "__" + safe(mode) + "__" + safe(model) + ".json";
    return new RunDirectory(resultsRoot.resolve(name));
  }

  /** Creates the folder if needed, for tests and tools that write into a known folder. */
  public RunDirectory create() throws IOException {
    Files.createDirectories(folder);
    return this;
  }

  /**
   * Creates the run folder, which must not exist yet, and locks it: of two processes claiming one
   * folder, exactly one succeeds.
   *
   * @throws FileAlreadyExistsException when the folder or the summary file already exists
   */
  public RunLock createExclusively(Instant startedAt) throws IOException {
    if (Files.exists(summaryFile, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(summaryFile.toString());
    }
    try {
      Files.createDirectories(folder.getParent());
    } catch (FileAlreadyExistsException e) {
      // createDirectories says so when some ancestor is a regular file: not a taken run.
      throw new NotDirectoryException(e.getFile());
    }
    Files.createDirectory(folder);
    return RunLock.acquire(folder, startedAt);
  }

  /**
   * Locks an existing run folder for this process.
   *
   * @throws RunFolderException when another process holds it
   */
  public RunLock lock(Instant startedAt) throws IOException {
    return RunLock.acquire(folder, startedAt);
  }

  /**
   * The run's settings.
   *
   * @throws RunFolderException when {@code run.json} cannot be read as a run's settings
   */
  public RunManifest readManifest() throws IOException {
    try {
      return Mappers.json().readValue(manifestFile().toFile(), RunManifest.class);
    } catch (JsonProcessingException e) {
      String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
      throw new RunFolderException(
          manifestFile()
              + line
              + ": not a readable run.json ("
              + RunFolderException.firstLine(e.getOriginalMessage())
              + ")");
    }
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
