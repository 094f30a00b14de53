package dev.evals.modes.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files of a folder by relative path ({@code /}-separated), with their contents. Symbolic links
 * are recorded, never followed, so a snapshot cannot be led outside its folder.
 */
record FileTree(Map<String, Entry> files) {

  /** Contents above this size are kept as a digest only. */
  static final int MAX_KEPT_BYTES = 1 << 20;

  static final FileTree EMPTY = new FileTree(Map.of());

  /**
   * One file.
   *
   * @param digest SHA-256 of the contents, or of the link target for a link
   * @param content the bytes, or null when larger than {@link #MAX_KEPT_BYTES} or a link
   * @param linkTarget where a symbolic link points, or null for a regular file
   */
  record Entry(String digest, byte[] content, String linkTarget) {

    static Entry of(byte[] content) {
      return new Entry(sha256(content), content.length > MAX_KEPT_BYTES ? null : content, null);
    }

    String text() {
      return content == null ? "" : new String(content, StandardCharsets.UTF_8);
    }
  }

  FileTree {
    files = new TreeMap<>(files);
  }

  static FileTree of(Map<String, String> texts) {
    Map<String, Entry> files = new TreeMap<>();
    texts.forEach((path, text) -> files.put(path, Entry.of(text.getBytes(StandardCharsets.UTF_8))));
    return new FileTree(files);
  }

  /** Every file below the folder whose relative path the filter does not exclude. */
  static FileTree snapshot(Path root, Predicate<String> excluded) {
    Map<String, Entry> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return new FileTree(files);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        String relative = relative(root, path);
        if (relative.isEmpty() || excluded.test(relative)) {
          continue;
        }
        if (Files.isSymbolicLink(path)) {
          String target = Files.readSymbolicLink(path).toString();
          files.put(
              relative, new Entry(sha256(target.getBytes(StandardCharsets.UTF_8)), null, target));
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          files.put(relative, Entry.of(Files.readAllBytes(path)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FileTree(files);
  }

  /** Writes every regular file below the folder, creating parents. */
  void writeTo(Path root) throws IOException {
    for (Map.Entry<String, Entry> file : files.entrySet()) {
      if (file.getValue().content() == null) {
        continue;
      }
      Path target = root.resolve(file.getKey()).normalize();
      if (!target.startsWith(root)) {
        throw new IllegalArgumentException("path leaves the workspace: " + file.getKey());
      }
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue().content());
    }
  }

  /** This tree with the other's files added, the other's winning on the same path. */
  FileTree plus(FileTree other) {
    Map<String, Entry> merged = new TreeMap<>(files);
    merged.putAll(other.files);
    return new FileTree(merged);
  }

  boolean sameFile(String path, FileTree other) {
    Entry mine = files.get(path);
    Entry theirs = other.files.get(path);
    return mine != null && theirs != null && mine.digest().equals(theirs.digest());
  }

  private static String relative(Path root, Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
