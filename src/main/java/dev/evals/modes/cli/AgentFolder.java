package dev.evals.modes.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The temporary folder of one agent run: the workspace, the wmill stub's {@code bin/}, its log, the
 * agent's own configuration folder and its output files. Anything else appearing here during the
 * run was written outside the workspace.
 */
final class AgentFolder implements AutoCloseable {

  static final String WORKSPACE = "workspace";
  private static final Set<String> OWN =
      Set.of(
          WORKSPACE,
          "bin",
          AgentHome.FOLDER,
          WmillStub.LOG_FILE,
          "agent-stdout.txt",
          "agent-stderr.txt");

  private final Path root;
  private FileTree outsideBefore = FileTree.EMPTY;

  private AgentFolder(Path root) {
    this.root = root;
  }

  static AgentFolder create(Path temporaryRoot) throws IOException {
    Path root =
        temporaryRoot == null
            ? Files.createTempDirectory("evals-cli-")
            : Files.createTempDirectory(temporaryRoot, "evals-cli-");
    Files.createDirectories(root.resolve(WORKSPACE));
    return new AgentFolder(root.toRealPath());
  }

  Path root() {
    return root;
  }

  Path workspace() {
    return root.resolve(WORKSPACE);
  }

  /** Remembers what is beside the workspace before the agent starts. */
  void markOutside() {
    outsideBefore = outside();
  }

  /** Paths beside the workspace created or changed since {@link #markOutside()}. */
  List<String> escaped() {
    FileTree after = outside();
    return AgentFolderDiff.between(outsideBefore, after).written();
  }

  private FileTree outside() {
    return FileTree.snapshot(root, path -> OWN.contains(path.split("/", 2)[0]));
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
