package dev.evals.modes.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a shell command the agent ran looks like: its lines, whether it writes files. */
final class ShellCommand {

  private static final Pattern LOGIN_SHELL =
      Pattern.compile("^(?:\\S*/)?(?:ba|z)?sh -l?c (['\"])([\\s\\S]*)\\1$");
  private static final List<Pattern> MUTATING =
      List.of(
          Pattern.compile("\\b(?:mkdir|touch|rm|mv|cp|install|tee|ln)\\b"),
          Pattern.compile("\\b(?:cat|echo|printf)\\b.*(?:>|>>|\\|\\s*tee\\b)"),
          Pattern.compile("\\bsed\\s+-i\\b"),
          Pattern.compile("\\bperl\\s+-pi\\b"),
          // in command position only: `cat AGENTS.md | grep wmill` is a read
          Pattern.compile(
              "(?:^|[;&|(]|\\b(?:then|do|xargs)\\s)\\s*wmill(?:\\s|$)", Pattern.MULTILINE));

  private ShellCommand() {}

  /** Codex reports commands wrapped in the user's login shell: {@code bash -lc '...'}. */
  static String unwrap(String command) {
    Matcher matcher = LOGIN_SHELL.matcher(command.strip());
    if (!matcher.matches()) {
      return command;
    }
    String body = matcher.group(2);
    return matcher.group(1).equals("'")
        ? body.replace("'\\''", "'").replace("'\"'\"'", "'")
        : body.replaceAll("\\\\([\"\\\\$`])", "$1");
  }

  /** The non-blank lines of a command, whitespace collapsed. */
  static List<String> lines(String command) {
    List<String> lines = new ArrayList<>();
    for (String line : command.split("\\r?\\n")) {
      String normal = line.strip().replaceAll("\\s+", " ");
      if (!normal.isEmpty()) {
        lines.add(normal);
      }
    }
    return lines;
  }

  static boolean isLikelyMutating(String command) {
    return MUTATING.stream().anyMatch(pattern -> pattern.matcher(command).find());
  }
}
