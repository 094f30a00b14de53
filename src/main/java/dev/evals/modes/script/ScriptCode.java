package dev.evals.modes.script;

import dev.evals.modes.script.ScriptLanguage.Family;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a script's code reveals whatever mode holds it (a script case, a flow's inline step, an AI
 * agent's tool): the language it is plainly written in, whether its {@code main} is a stub, and the
 * parameters {@code main} takes.
 */
public final class ScriptCode {

  private static final Pattern TS_SIGNS =
      Pattern.compile(
          "(?m)^[ \\t]*export\\s+(?:default\\s+|(?:async\\s+)?function\\s+main\\s*[<(])");
  private static final Pattern PY_SIGNS = Pattern.compile("(?m)^(?:async\\s+)?def\\s+main\\s*\\(");
  private static final Pattern GO_SIGNS =
      Pattern.compile("(?m)^package\\s+\\w+\\s*$|^func\\s+main\\s*\\(");
  private static final Pattern BRACE_MAIN =
      Pattern.compile(
          "(?m)^[ \\t]*(?:export\\s+)?(?:async\\s+)?func(?:tion)?\\s+main\\s*(?:<[^>(]*>)?\\(");
  private static final Pattern PY_MAIN = Pattern.compile("(?m)^(?:async\\s+)?def\\s+main\\s*\\(");
  private static final String TRIVIAL =
      "(?:return(?:\\s+(?:null|undefined|None|nil|\\{\\s*}|\\[\\s*]|\"\"|''|nil\\s*,\\s*nil))?"
          + "|pass|\\.\\.\\.)?";
  private static final Pattern TRIVIAL_BODY =
      Pattern.compile("\\s*(?:" + TRIVIAL + "\\s*;?\\s*)?", Pattern.DOTALL);

  private static final String DOCSTRING = "(?s)^\\s*(\"\"\"|\'\'\').*?\\1";

  private ScriptCode() {}

  /**
   * The family the code is unmistakably written in ({@code export function main} is TypeScript,
   * top-level {@code def main} Python, {@code package}/{@code func main} Go), or empty when it
   * shows no such sign or signs of several.
   */
  public static Optional<Family> writtenIn(String code) {
    String text = withoutComments(code == null ? "" : code);
    List<Family> signs =
        List.of(Family.TYPESCRIPT, Family.PYTHON, Family.GO).stream()
            .filter(
                family ->
                    switch (family) {
                      case TYPESCRIPT -> TS_SIGNS.matcher(text).find();
                      case PYTHON -> PY_SIGNS.matcher(text).find();
                      default -> GO_SIGNS.matcher(text).find();
                    })
            .toList();
    return signs.size() == 1 ? Optional.of(signs.get(0)) : Optional.empty();
  }

  /**
   * Why the code's {@code main} is a stub (its body only {@code return null}, {@code return {}},
   * {@code pass}, {@code return}, nothing...), or null when it does something or has no main.
   */
  public static String stubbedMain(String code, ScriptLanguage language) {
    String text = withoutComments(code == null ? "" : code);
    String body =
        switch (language.family()) {
          case TYPESCRIPT, GO -> braceBody(text);
          case PYTHON -> indentedBody(text);
          default -> null;
        };
    if (body == null || !TRIVIAL_BODY.matcher(body).matches()) {
      return null;
    }
    String shown = body.strip().replaceAll("\\s+", " ");
    return "main does nothing" + (shown.isEmpty() ? " (empty body)" : ": '" + shown + "'");
  }

  /** The names of {@code main}'s parameters, or empty when the language needs a main it lacks. */
  public static Optional<List<String>> parameterNames(String code, ScriptLanguage language) {
    return EntryPoint.signature(code == null ? "" : code, language).map(MainSignature::names);
  }

  /**
   * Whether main gathers any argument ({@code **kwargs}, {@code ...rest}), so no name is unknown.
   */
  public static boolean takesAnyArgument(String code, ScriptLanguage language) {
    int[] range = parameterRange(code == null ? "" : code, language);
    return range != null
        && Pattern.compile("(?:\\*\\*|\\.\\.\\.)\\s*[A-Za-z_]")
            .matcher(code.substring(range[0], range[1]))
            .find();
  }

  /** Why the entry point Windmill calls is missing, or null when it is there. */
  public static String missingEntryPoint(String code, ScriptLanguage language) {
    return language.needsMain() ? EntryPoint.missing(code == null ? "" : code, language) : null;
  }

  private static String braceBody(String code) {
    int[] body = braceBodyRange(code);
    return body == null ? null : code.substring(body[0], body[1]);
  }

  /** Where main's parameter list lies between its parentheses, as {@code [from, to)}; or null. */
  static int[] parameterRange(String code, ScriptLanguage language) {
    Matcher main = (language.family() == Family.PYTHON ? PY_MAIN : BRACE_MAIN).matcher(code);
    if (!main.find()) {
      return null;
    }
    int close = closing(code, main.end() - 1, '(', ')');
    return close < 0 ? null : new int[] {main.end(), close};
  }

  /**
   * Where a TypeScript or Go main's body lies between its braces, as {@code [from, to)}; or null.
   */
  static int[] braceBodyRange(String code) {
    Matcher main = BRACE_MAIN.matcher(code);
    if (!main.find()) {
      return null;
    }
    int close = closing(code, main.end() - 1, '(', ')');
    int open = close < 0 ? -1 : bodyStart(code, close + 1);
    int end = open < 0 ? -1 : closing(code, open, '{', '}');
    return end < 0 ? null : new int[] {open + 1, end};
  }

  /** Where a Python main's indented body lies, from after its colon, as {@code [from, to)}. */
  static int[] indentedBodyRange(String code) {
    int[] params = parameterRange(code, ScriptLanguage.PYTHON3);
    int colon = params == null ? -1 : code.indexOf(':', params[1]);
    if (colon < 0) {
      return null;
    }
    int end = colon + 1;
    int lineEnd = code.indexOf('\n', end);
    end = lineEnd < 0 ? code.length() : lineEnd + 1;
    while (end < code.length()) {
      int next = code.indexOf('\n', end);
      String line = code.substring(end, next < 0 ? code.length() : next);
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        break;
      }
      end = next < 0 ? code.length() : next + 1;
    }
    return new int[] {colon + 1, end};
  }

  /** The brace opening the body: the first one not part of a return type such as {@code {a: T}}. */
  private static int bodyStart(String code, int from) {
    int angle = 0;
    for (int i = from; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '<') {
        angle++;
      } else if (c == '>' && code.charAt(i - 1) != '=') {
        angle--;
      } else if (c == '{') {
        String before = code.substring(from, i).strip();
        boolean typePart =
            angle > 0
                || before.endsWith(":")
                || before.endsWith("|")
                || before.endsWith("&")
                || before.endsWith("interface");
        if (!typePart) {
          return i;
        }
        i = closing(code, i, '{', '}');
        if (i < 0) {
          return -1;
        }
      }
    }
    return -1;
  }

  private static int closing(String code, int open, char opener, char closer) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < code.length(); i++) {
      char c = code.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'' || c == '`') {
        quote = c;
      } else if (c == opener) {
        depth++;
      } else if (c == closer && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String indentedBody(String code) {
    int[] body = indentedBodyRange(code);
    return body == null ? null : code.substring(body[0], body[1]).replaceAll(DOCSTRING, "");
  }

  private static String withoutComments(String code) {
    return code.replaceAll("(?s)/\\*.*?\\*/", "")
        .replaceAll("(?m)^\\s*(//|#).*$", "")
        .replaceAll("(?m)[ \\t]//.*$", "");
  }
}
