package dev.evals.modes.global;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which workspace paths the user may write: {@code u/<user>/...} or {@code f/<folder>/...}, and for
 * a user who is not an admin never a folder they may only read.
 */
final class PathRules {

  private static final Pattern PATH = Pattern.compile("^(u|f)/([A-Za-z0-9_-]+)/[A-Za-z0-9_./-]+$");
  static final Pattern FOLDER_NAME = Pattern.compile("^[A-Za-z0-9_-]+$");

  private final InitialWorkspace initial;

  PathRules(InitialWorkspace initial) {
    this.initial = initial;
  }

  /** Why the path cannot be written, or null when it can. */
  String problem(String path, Set<String> createdFolders) {
    Matcher matcher = PATH.matcher(path == null ? "" : path);
    if (!matcher.matches() || path.contains("..")) {
      return "'"
          + path
          + "' is not a workspace path: use u/<user>/<name> or f/<folder>/<name> (letters, digits,"
          + " _, - and /).";
    }
    String folder = matcher.group(2);
    boolean admin = initial.user().path("is_admin").asBoolean(false);
    List<String> readOnly = initial.readOnlyFolders();
    if (matcher.group(1).equals("f")
        && !admin
        && readOnly.contains(folder)
        && !createdFolders.contains(folder)) {
      return "the user can only read folder f/" + folder + "; pick a folder they can write to.";
    }
    return null;
  }
}
