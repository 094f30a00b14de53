package dev.evals.modes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamWatchTest {

  @TempDir Path folder;

  @Test
  void codexWaitingForTheNetworkIsStoppedInsteadOfRunningToTheLimit() throws IOException {
    Path workspace = Files.createDirectories(folder.resolve("workspace"));
    String codex =
        "echo '{\"type\":\"turn.started\"}'; "
            + "echo '{\"type\":\"error\",\"message\":\"Reconnecting... waiting for network"
            + " (Connection failed)\"}'; exec sleep 600";

    ProcessOutcome outcome =
        new AgentProcess(
                List.of("/bin/sh", "-c", codex),
                workspace,
                Map.of("PATH", "/usr/bin:/bin"),
                null,
                StreamWatch.of(AgentKind.CODEX))
            .run(folder, 600);

    assertThat(outcome.timedOut()).isFalse();
    assertThat(outcome.stoppedBecause()).isEqualTo(AgentProcess.STOPPED);
    assertThat(outcome.failure()).isEqualTo("it lost its provider and was stopped");
  }

  @Test
  void readsOnlyWholeLinesAndOnlyWhatIsNew() throws IOException {
    Path out = folder.resolve("out.txt");
    StreamWatch.Reader reader = StreamWatch.of(AgentKind.CODEX).reader(out);
    Files.writeString(out, "{\"type\":\"error\",\"message\":\"Reconnecting... waiting for net");

    assertThat(reader.stopRequested()).isFalse();

    Files.writeString(out, "work\"}\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(reader.stopRequested()).isTrue();
  }

  @Test
  void otherAgentsAreNeverStopped() throws IOException {
    Path out =
        Files.writeString(folder.resolve("out.txt"), "waiting for network \"type\":\"error\"\n");

    assertThat(StreamWatch.of(AgentKind.CLAUDE_CODE).reader(out).stopRequested()).isFalse();
  }
}
