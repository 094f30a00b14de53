package dev.evals.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Brings one attempt folder of a shard into the merged run at the same relative path without
 * copying it: each file is hard-linked (a symbolic link where the two folders are on different file
 * systems), or the whole folder is moved.
 */
final class AttemptFiles {

  private AttemptFiles() {}

  static void bring(Path shardFolder, Path mergedFolder, String artifactsPath, boolean move)
      throws IOException {
    Path source = shardFolder.resolve(artifactsPath).normalize();
    Path target = mergedFolder.resolve(artifactsPath).normalize();
    if (!source.startsWith(shardFolder)
        || !target.startsWith(mergedFolder)
        || !Files.isDirectory(source)) {
      return;
    }
    Files.createDirectories(target.getParent());
    if (move) {
      Files.move(source, target);
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(source)) {
      paths = walk.sorted().toList();
    }
    for (Path path : paths) {
      Path linked = target.resolve(source.relativize(path).toString());
      if (Files.isDirectory(path)) {
        Files.createDirectories(linked);
      } else {
        link(linked, path);
      }
    }
  }

  private static void link(Path linked, Path existing) throws IOException {
    try {
      Files.createLink(linked, existing);
    } catch (IOException | UnsupportedOperationException e) {
      Files.createSymbolicLink(linked, linked.getParent().relativize(existing));
    }
  }
}
