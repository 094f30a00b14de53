package dev.evals.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @TempDir Path dir;

  /** Fails halfway through serialisation, as a kill in the middle of a write would. */
  public static final class HalfWritable {
    public String getFirst() {
      return "written";
    }

    public String getSecond() {
      throw new IllegalStateException("killed mid-write");
    }
  }

  @Test
  void replacesTheWholeFile() throws IOException {
    Path target = dir.resolve("run.json");
    AtomicFile.write(target, "a much longer first version");
    AtomicFile.write(target, "second");

    assertThat(target).hasContent("second");
    assertThat(files()).containsExactly(target);
  }

  @Test
  void aWriteThatFailsHalfwayLeavesTheOldFileIntactAndNoTemporarySibling() throws IOException {
    Path target = dir.resolve("run.json");
    AtomicFile.writeJson(target, java.util.Map.of("version", 1));

    assertThatThrownBy(() -> AtomicFile.writeJson(target, new HalfWritable()))
        .hasMessageContaining("killed mid-write");

    assertThat(target).content().contains("\"version\" : 1");
    assertThat(files()).containsExactly(target);
  }

  @Test
  void theFileKeepsThePermissionsAPlainWriteWouldGiveIt() throws IOException {
    Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
    Path atomic = dir.resolve("atomic.txt");
    AtomicFile.write(atomic, "x");

    assertThat(Files.getPosixFilePermissions(atomic))
        .isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  void writesJsonWithTheConfiguredMapper() throws IOException {
    Path target = dir.resolve("summary.json");
    AtomicFile.writeJson(target, java.util.Map.of("passRate", 1.0));

    assertThat(target).hasContent("{\n  \"passRate\" : 1.0\n}");
  }

  private java.util.List<Path> files() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.toList();
    }
  }
}
