package dev.evals.modes.app;

import java.util.regex.Pattern;

/**
 * The app's own namespace. Frontend paths are relative to the app root and written with a leading
 * {@code /} as Windmill does ({@code /components/Cart.tsx}); {@code index.tsx} and {@code
 * /index.tsx} name the same file. A path that could leave the root on disk is refused: {@code ..}
 * or {@code .} segments, empty segments ({@code //x}), backslashes, drive letters, {@code ~}, and
 * control characters. Backend keys are identifiers, since the frontend calls {@code
 * backend.<key>(...)}.
 */
final class AppPaths {

  /** The prefix that addresses backend runnables in {@code get_app_file}, not frontend files. */
  static final String BACKEND_PREFIX = "backend/";

  private static final Pattern KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private AppPaths() {}

  /**
   * The normalised frontend path, with a leading {@code /}.
   *
   * @throws IllegalArgumentException saying why the path is refused
   */
  static String frontend(String given) {
    if (given == null || given.isBlank()) {
      throw new IllegalArgumentException("the path is empty");
    }
    if (given.startsWith("//") || given.startsWith("~") || DRIVE.matcher(given).matches()) {
      throw new IllegalArgumentException(
          "'" + given + "' is an absolute path; use a path inside the app such as /index.tsx");
    }
    if (given.indexOf('\\') >= 0 || given.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "'" + given + "' has a backslash or control character; use / between folders");
    }
    String relative = given.startsWith("/") ? given.substring(1) : given;
    for (String segment : relative.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        throw new IllegalArgumentException("'" + given + "' escapes the app root");
      }
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("'" + given + "' has an empty folder or file name");
      }
    }
    return "/" + relative;
  }

  /** Whether a path is already a normalised frontend path. */
  static boolean isFrontend(String path) {
    try {
      return frontend(path).equals(path);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether the text can be a runnable key called as {@code backend.<key>(...)}. */
  static boolean isKey(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  /** The problem with a runnable key, for a tool answer. */
  static String keyProblem(String key) {
    return "'"
        + key
        + "' is not a valid runnable key: use an identifier such as listItems (letters, digits,"
        + " _ or $, not starting with a digit) so the frontend can call backend."
        + (isKey(key) ? key : "listItems")
        + "(...)";
  }
}
