package dev.evals.modes.script;

import dev.evals.modes.script.ScriptLanguage.Family;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deliberately broken versions of working code, for measuring the checks ({@code evals mutate}).
 * Each returns null when the code has nothing to break that way.
 */
public final class CodeDefects {

  private static final List<String> BRACE_STUBS =
      List.of("return null;", "return {};", "return;", "");
  private static final List<String> PYTHON_STUBS = List.of("pass", "return None", "return {}");
  private static final Pattern LITERAL = Pattern.compile("(?<![\\w.$'\"`])(\\d+)(?![\\w.'\"`])");

  private CodeDefects() {}

  /** main keeps its signature and its body becomes a stub; {@code variant} picks which one. */
  public static String stubbed(String code, ScriptLanguage language, int variant) {
    if (language.family() == Family.PYTHON) {
      int[] body = ScriptCode.indentedBodyRange(code);
      if (body == null) {
        return null;
      }
      String stub = PYTHON_STUBS.get(Math.floorMod(variant, PYTHON_STUBS.size()));
      return code.substring(0, body[0]) + "\n    " + stub + "\n" + code.substring(body[1]);
    }
    if (language.family() != Family.TYPESCRIPT && language.family() != Family.GO) {
      return null;
    }
    int[] body = ScriptCode.braceBodyRange(code);
    if (body == null) {
      return null;
    }
    String stub =
        language.family() == Family.GO
            ? "return nil, nil"
            : BRACE_STUBS.get(Math.floorMod(variant, BRACE_STUBS.size()));
    return code.substring(0, body[0])
        + (stub.isEmpty() ? "\n" : "\n  " + stub + "\n")
        + code.substring(body[1]);
  }

  /** main without its last parameter. */
  public static String withoutLastParameter(String code, ScriptLanguage language) {
    int[] range = ScriptCode.parameterRange(code, language);
    if (range == null) {
      return null;
    }
    List<String> pieces = ParameterList.split(code, range[0]);
    if (pieces.isEmpty()) {
      return null;
    }
    String kept = String.join(", ", pieces.subList(0, pieces.size() - 1));
    return code.substring(0, range[0]) + kept + code.substring(range[1]);
  }

  /** The name of the last parameter {@link #withoutLastParameter} removes, or null. */
  public static String lastParameter(String code, ScriptLanguage language) {
    return ScriptCode.parameterNames(code, language)
        .filter(names -> !names.isEmpty())
        .map(names -> names.get(names.size() - 1))
        .orElse(null);
  }

  /** main renamed, so the entry point Windmill calls is gone. */
  public static String withoutMain(String code, ScriptLanguage language) {
    int[] range = ScriptCode.parameterRange(code, language);
    if (range == null) {
      return null;
    }
    int name = code.lastIndexOf("main", range[0]);
    return code.substring(0, name) + "handler" + code.substring(name + "main".length());
  }

  /**
   * The first whole-number literal after main's parameters one higher: a defect only a run or a
   * reader of the logic can see.
   */
  public static String bumpedLiteral(String code, ScriptLanguage language) {
    int[] range = ScriptCode.parameterRange(code, language);
    int from = range == null ? 0 : range[1];
    Matcher literal = LITERAL.matcher(code);
    if (!literal.find(from)) {
      return null;
    }
    java.math.BigInteger value =
        new java.math.BigInteger(literal.group(1)).add(java.math.BigInteger.ONE);
    return code.substring(0, literal.start()) + value + code.substring(literal.end());
  }
}
