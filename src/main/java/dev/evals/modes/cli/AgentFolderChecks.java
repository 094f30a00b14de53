package dev.evals.modes.cli;

import dev.evals.validate.Check;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Checks the final workspace against the case: expected files, nothing else, nothing outside. */
final class AgentFolderChecks {

  static final String NO_UNEXPECTED_FILES = "no unexpected files";
  static final String WORKSPACE_UNCHANGED = "workspace unchanged";
  static final String NOTHING_OUTSIDE = "no files written outside the workspace";

  /** Files an agent or the wmill tooling may add beside the expected ones. */
  static final List<String> DEFAULT_ALLOWED =
      List.of("**.lock", "**wmill-lock.yaml", "**.script.yaml", ".claude/**", ".codex/**");

  /** Agent state that does not count as changing the workspace. */
  private static final List<String> AGENT_STATE = List.of(".claude/settings*.json", ".codex/**");

  private static final int SHOWN_LINES = 5;

  private AgentFolderChecks() {}

  /**
   * One check per expected file: it exists and contains each expected line, in any order. An
   * expected line is a snippet, as in Windmill's fixtures ({@code main(name: string)}): it may be
   * part of a longer line of the actual file.
   */
  static List<Check> expectedFiles(FileTree expected, FileTree workspace) {
    List<Check> checks = new ArrayList<>();
    expected
        .files()
        .forEach(
            (path, entry) -> {
              String name = "expected file " + path;
              FileTree.Entry actual = workspace.files().get(path);
              if (actual == null) {
                checks.add(Check.fail(name, path + " was not created"));
                return;
              }
              String text = actual.text().replace("\r\n", "\n");
              List<String> absent =
                  trimmedLines(entry.text()).stream().filter(l -> !text.contains(l)).toList();
              checks.add(
                  Check.of(
                      name,
                      absent.isEmpty(),
                      absent.size()
                          + " expected line(s) missing, such as "
                          + absent.subList(0, Math.min(SHOWN_LINES, absent.size()))));
            });
    return checks;
  }

  /** Written or deleted paths that are neither expected nor allowed. */
  static Check unexpectedFiles(
      AgentFolderDiff diff, FileTree expected, List<PathMatcher> allowedExtra) {
    List<PathMatcher> allowed = new ArrayList<>(globs(DEFAULT_ALLOWED));
    allowed.addAll(allowedExtra);
    List<String> unexpected =
        Stream.concat(diff.written().stream(), diff.deleted().stream())
            .filter(path -> !expected.files().containsKey(path))
            .filter(path -> !matchesAny(allowed, path))
            .sorted()
            .toList();
    return Check.of(NO_UNEXPECTED_FILES, unexpected.isEmpty(), "unexpected: " + unexpected);
  }

  static Check unchanged(AgentFolderDiff diff) {
    List<PathMatcher> state = globs(AGENT_STATE);
    List<String> touched = new ArrayList<>();
    diff.created().stream()
        .filter(p -> !matchesAny(state, p))
        .map(p -> "created " + p)
        .forEach(touched::add);
    diff.changed().stream()
        .filter(p -> !matchesAny(state, p))
        .map(p -> "changed " + p)
        .forEach(touched::add);
    diff.deleted().stream().map(p -> "deleted " + p).forEach(touched::add);
    return Check.of(WORKSPACE_UNCHANGED, touched.isEmpty(), String.join(", ", touched));
  }

  /**
   * Files that appeared beside the workspace, and written links that point out of it.
   *
   * @param escaped paths created outside the workspace during the run, relative to its parent
   */
  static Check nothingOutside(List<String> escaped, AgentFolderDiff diff, FileTree workspace) {
    List<String> problems = new ArrayList<>();
    escaped.forEach(path -> problems.add("wrote ../" + path));
    for (String path : diff.written()) {
      String target = workspace.files().get(path).linkTarget();
      if (target != null && leaves(path, target)) {
        problems.add(path + " links to " + target);
      }
    }
    return Check.of(NOTHING_OUTSIDE, problems.isEmpty(), String.join("; ", problems));
  }

  private static boolean leaves(String path, String target) {
    Path link = Path.of(target);
    if (link.isAbsolute()) {
      return true;
    }
    Path parent = Path.of(path).getParent();
    Path resolved = (parent == null ? link : parent.resolve(link)).normalize();
    return resolved.startsWith("..");
  }

  static List<String> trimmedLines(String text) {
    return Arrays.stream(text.split("\\r?\\n"))
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .toList();
  }

  static boolean matchesAny(List<PathMatcher> matchers, String path) {
    Path candidate = Path.of(path);
    return matchers.stream().anyMatch(matcher -> matcher.matches(candidate));
  }

  private static List<PathMatcher> globs(List<String> globs) {
    return globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
  }
}
