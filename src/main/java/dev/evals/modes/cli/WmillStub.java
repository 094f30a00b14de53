package dev.evals.modes.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code wmill} placed first on the agent's PATH: it runs nothing against Windmill, appends the
 * invocation ({@code {"argv": [...], "cwd": ..., "time": ...}}) to a JSON-lines log and exits 97,
 * so an agent that executes a command it should only have proposed is caught.
 */
final class WmillStub {

  static final int EXIT_CODE = 97;
  static final String LOG_FILE = "wmill-invocations.jsonl";

  private static final String SCRIPT =
      """
      #!/bin/sh
      # wmill stub of the evals cli mode: records the call, runs nothing.
      json() {
        printf '%s' "$1" | sed -e 's/\\\\/\\\\\\\\/g' -e 's/"/\\\\"/g' -e 's/\t/\\\\t/g' \\
          | sed -e ':a' -e 'N' -e '$!ba' -e 's/\\n/\\\\n/g'
      }
      args=""
      for arg in "$@"; do
        if [ -n "$args" ]; then args="$args,"; fi
        args="$args\\"$(json "$arg")\\""
      done
      printf '{"argv":[%s],"cwd":"%s","time":"%s"}\\n' "$args" "$(json "$PWD")" \\
        "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> 'LOG_PATH'
      echo "wmill is not available in this benchmark: do not run wmill commands," \\
        "tell the user which ones to run instead." >&2
      exit 97
      """;

  private final Path binDirectory;
  private final Path log;

  private WmillStub(Path binDirectory, Path log) {
    this.binDirectory = binDirectory;
    this.log = log;
  }

  /** Writes the stub into {@code binDirectory}, logging to {@code log}. */
  static WmillStub install(Path binDirectory, Path log) throws IOException {
    if (log.toString().contains("'")) {
      throw new IllegalArgumentException("the wmill log path cannot contain a quote: " + log);
    }
    Files.createDirectories(binDirectory);
    Path stub = binDirectory.resolve("wmill");
    Files.writeString(stub, SCRIPT.replace("LOG_PATH", log.toString()), StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new WmillStub(binDirectory, log);
  }

  Path binDirectory() {
    return binDirectory;
  }

  /** The log as written, or empty when wmill was never called. */
  String rawLog() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** Every recorded call as {@code wmill <argv...>}; unreadable lines are skipped. */
  static List<String> commands(String rawLog) {
    List<String> commands = new ArrayList<>();
    for (String line : rawLog.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode argv = Mappers.json().readTree(line).path("argv");
        StringBuilder command = new StringBuilder("wmill");
        argv.forEach(arg -> command.append(' ').append(arg.asText()));
        commands.add(command.toString());
      } catch (JsonProcessingException e) {
        // a call interrupted mid-write leaves half a line; the rest of the log still counts
      }
    }
    return commands;
  }
}
