package dev.evals.modes.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code wmill} commands a final answer proposes: inline code ({@code `wmill sync pull`}),
 * lines of a code block, and commands written in prose. A command the answer says not to run ("do
 * not run `wmill sync push`") is not proposed.
 */
final class ProposedCommands {

  private static final Pattern INLINE = Pattern.compile("`(wmill [^`\\n]+)`");
  private static final Pattern NEGATED =
      Pattern.compile(
          "(?:^|\\b)(?:do not|don't|dont|never|instead of|avoid|without)\\s+(?:run(?:ning)?|use|using)?\\s*$");
  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s*");
  private static final Set<String> STOP_WORDS =
      Set.of(
          "and",
          "before",
          "after",
          "then",
          "instead",
          "otherwise",
          "because",
          "so",
          "if",
          "when",
          "while",
          "once",
          "to",
          "-",
          "–",
          "—",
          "|");
  private static final String STOP_CHARS = "`.,;:()[]{}#";

  private ProposedCommands() {}

  static List<String> extract(String answer) {
    Set<String> commands = new LinkedHashSet<>();
    boolean inBlock = false;
    for (String raw : answer.split("\\r?\\n")) {
      String line = raw.strip();
      if (line.startsWith("```")) {
        inBlock = !inBlock;
        continue;
      }
      if (inBlock) {
        String command = line.startsWith("$ ") ? line.substring(2) : line;
        if (command.startsWith("wmill ")) {
          add(commands, command.replaceAll("\\s+#.*$", ""));
        }
        continue;
      }
      inline(line, commands);
      prose(BULLET.matcher(line).replaceFirst(""), commands);
    }
    return List.copyOf(commands);
  }

  /** Whether {@code proposed} is {@code expected}, possibly with more arguments. */
  static boolean matches(String proposed, String expected) {
    String want = normalize(expected);
    return proposed.equals(want) || proposed.startsWith(want + " ");
  }

  private static void inline(String line, Set<String> commands) {
    Matcher matcher = INLINE.matcher(line);
    while (matcher.find()) {
      if (!negated(line.substring(0, matcher.start()))) {
        add(commands, matcher.group(1));
      }
    }
  }

  private static void prose(String line, Set<String> commands) {
    String lower = line.toLowerCase();
    int from = 0;
    int index;
    while ((index = lower.indexOf("wmill ", from)) >= 0) {
      boolean atWordStart = index == 0 || !Character.isLetterOrDigit(line.charAt(index - 1));
      if (atWordStart && !negated(line.substring(0, index))) {
        String command = proseCommandAt(line, index);
        if (command != null) {
          add(commands, command);
        }
      }
      from = index + "wmill ".length();
    }
  }

  private static String proseCommandAt(String line, int start) {
    StringBuilder command = new StringBuilder("wmill");
    int words = 0;
    for (String token : line.substring(start + "wmill".length()).strip().split("\\s+")) {
      if (token.isEmpty() || STOP_CHARS.indexOf(token.charAt(0)) >= 0) {
        break;
      }
      if (STOP_WORDS.contains(token.toLowerCase())) {
        break;
      }
      int cut = firstStopChar(token);
      command.append(' ').append(token, 0, cut);
      words++;
      if (cut < token.length()) {
        break;
      }
    }
    return words == 0 ? null : command.toString();
  }

  private static int firstStopChar(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      // a dot inside a path (f/a/b.ts) is part of the argument; a trailing one ends the sentence
      if (STOP_CHARS.indexOf(c) >= 0 && !(c == '.' && i + 1 < token.length())) {
        return i;
      }
    }
    return token.length();
  }

  private static boolean negated(String prefix) {
    String normal =
        prefix.toLowerCase().replace('’', '\'').replaceAll("[`\"“”‘]", " ").replaceAll("\\s+", " ");
    return NEGATED.matcher(normal.stripTrailing()).find();
  }

  private static void add(Set<String> commands, String command) {
    String normal = normalize(command);
    if (normal.length() > "wmill".length()) {
      commands.add(normal);
    }
  }

  private static String normalize(String command) {
    return command.strip().replaceAll("\\s+", " ").replaceAll("[`.;:,]+$", "").strip();
  }
}
