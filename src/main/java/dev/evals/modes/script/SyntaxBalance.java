package dev.evals.modes.script;

import dev.evals.modes.script.ScriptLanguage.Family;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A lexical check, not a parser: brackets, braces and parentheses must pair up, and strings and
 * block comments must end. It knows each family's comments and string forms (TypeScript template
 * literals with {@code ${...}} holes and regex literals, Python triple quotes, Go raw strings, SQL
 * doubled quotes) so that brackets inside them are ignored. Shell and PowerShell are not checked.
 * It stops at the first problem, since later ones are usually its echo.
 */
final class SyntaxBalance {

  private static final String OPENERS = "([{";
  private static final String CLOSERS = ")]}";
  private static final String BEFORE_REGEX = "(,=:[!&|?{};+-*%<>~^";

  private final String code;
  private final Family family;
  private final Deque<Open> open = new ArrayDeque<>();
  private final List<String> problems = new ArrayList<>();
  private int at;
  private int line = 1;
  private char lastSignificant;

  private record Open(char bracket, int line, boolean templateHole) {}

  private SyntaxBalance(String code, Family family) {
    this.code = code;
    this.family = family;
  }

  /** Whether this check says anything about the family's scripts. */
  static boolean covers(Family family) {
    return family != Family.SHELL && family != Family.POWERSHELL;
  }

  /** The first balance problem of the code, or an empty list. */
  static List<String> problems(String code, Family family) {
    if (!covers(family)) {
      return List.of();
    }
    SyntaxBalance scanner = new SyntaxBalance(code, family);
    scanner.scan();
    return List.copyOf(scanner.problems);
  }

  private void scan() {
    while (at < code.length() && problems.isEmpty()) {
      char c = code.charAt(at);
      if (startsLineComment()) {
        skipLine();
      } else if (family != Family.PYTHON && startsWith("/*")) {
        blockComment();
      } else if (c == '/' && family == Family.TYPESCRIPT && regexMayStart()) {
        regexOrDivision();
      } else if (isQuote(c)) {
        string(c);
        lastSignificant = 'a';
      } else if (OPENERS.indexOf(c) >= 0) {
        open.push(new Open(c, line, false));
        lastSignificant = c;
        advance();
      } else if (CLOSERS.indexOf(c) >= 0) {
        close(c);
      } else {
        lastSignificant = Character.isWhitespace(c) ? lastSignificant : c;
        advance();
      }
    }
    if (problems.isEmpty() && !open.isEmpty()) {
      Open innermost = open.peek();
      problems.add(
          "unclosed '"
              + (innermost.templateHole() ? "${" : String.valueOf(innermost.bracket()))
              + "' opened at line "
              + innermost.line());
    }
  }

  private boolean startsLineComment() {
    return switch (family) {
      case PYTHON -> code.charAt(at) == '#';
      case SQL -> startsWith("--");
      default -> startsWith("//");
    };
  }

  private boolean isQuote(char c) {
    return c == '"' || c == '\'' || (c == '`' && family != Family.PYTHON && family != Family.SQL);
  }

  private boolean regexMayStart() {
    return lastSignificant == 0 || BEFORE_REGEX.indexOf(lastSignificant) >= 0;
  }

  private void close(char c) {
    if (open.isEmpty()) {
      problems.add("unexpected '" + c + "' at line " + line + " closes nothing");
      return;
    }
    Open top = open.pop();
    advance();
    lastSignificant = c;
    if (top.templateHole() && c == '}') {
      templateRest(top.line());
    } else if (OPENERS.indexOf(top.bracket()) != CLOSERS.indexOf(c)) {
      problems.add(
          "'"
              + c
              + "' at line "
              + line
              + " does not close '"
              + (top.templateHole() ? "${" : String.valueOf(top.bracket()))
              + "' opened at line "
              + top.line());
    }
  }

  private void string(char quote) {
    int start = line;
    if (quote == '`' && family == Family.TYPESCRIPT) {
      advance();
      templateRest(start);
    } else if (quote == '`') {
      advance();
      until("`", false, "unterminated raw string", start);
    } else if (family == Family.PYTHON && startsWith("" + quote + quote + quote)) {
      skip(3);
      until("" + quote + quote + quote, true, "unterminated triple-quoted string", start);
    } else if (family == Family.SQL) {
      advance();
      until(String.valueOf(quote), false, "unterminated quoted text", start);
    } else {
      advance();
      singleLine(quote, start);
    }
  }

  private void singleLine(char quote, int start) {
    while (at < code.length()) {
      char c = code.charAt(at);
      if (c == '\\') {
        skip(2);
      } else if (c == quote) {
        advance();
        return;
      } else if (c == '\n') {
        break;
      } else {
        advance();
      }
    }
    problems.add("unterminated string starting at line " + start);
  }

  /** Scans a template literal's text up to its closing backtick or its next {@code ${} hole. */
  private void templateRest(int start) {
    while (at < code.length()) {
      char c = code.charAt(at);
      if (c == '\\') {
        skip(2);
      } else if (c == '`') {
        advance();
        lastSignificant = 'a';
        return;
      } else if (startsWith("${")) {
        open.push(new Open('{', start, true));
        skip(2);
        lastSignificant = '{';
        return;
      } else {
        advance();
      }
    }
    problems.add("unterminated template literal starting at line " + start);
  }

  /** Skips to after {@code end}; SQL doubles a quote to escape it, others use a backslash. */
  private void until(String end, boolean backslashEscapes, String problem, int start) {
    while (at < code.length()) {
      if (backslashEscapes && code.charAt(at) == '\\') {
        skip(2);
      } else if (startsWith(end) && family == Family.SQL && startsWith(end + end)) {
        skip(2);
      } else if (startsWith(end)) {
        skip(end.length());
        return;
      } else {
        advance();
      }
    }
    problems.add(problem + " starting at line " + start);
  }

  private void blockComment() {
    int start = line;
    skip(2);
    until("*/", false, "unterminated block comment", start);
  }

  /** A slash where an operand may start opens a regex literal, unless the line ends first. */
  private void regexOrDivision() {
    int start = at;
    boolean inClass = false;
    for (int i = at + 1; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '\n') {
        break;
      } else if (c == '\\') {
        i++;
      } else if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        at = i + 1;
        lastSignificant = 'a';
        return;
      }
    }
    at = start + 1;
    lastSignificant = '/';
  }

  private void skipLine() {
    while (at < code.length() && code.charAt(at) != '\n') {
      at++;
    }
  }

  private boolean startsWith(String token) {
    return code.startsWith(token, at);
  }

  private void skip(int count) {
    for (int i = 0; i < count && at < code.length(); i++) {
      advance();
    }
  }

  private void advance() {
    if (code.charAt(at) == '\n') {
      line++;
    }
    at++;
  }
}
