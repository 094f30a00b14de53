package dev.evals.modes.script;

import dev.evals.modes.script.MainSignature.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a script's entry point the way Windmill expects it per language and reads its parameters.
 * Bash takes positional arguments ({@code name="$1"}), SQL takes {@code -- $1 name} comments and
 * PowerShell a {@code param(...)} block: none of them needs a {@code main}.
 */
final class EntryPoint {

  private static final Pattern TS_MAIN =
      Pattern.compile(
          "(?m)^[ \\t]*export\\s+(?:async\\s+)?function\\s+main\\s*(?:<[^>(]*>)?\\s*\\(");
  private static final Pattern TS_UNEXPORTED =
      Pattern.compile("(?m)^[ \\t]*(?:async\\s+)?function\\s+main\\s*\\(");
  private static final Pattern TS_ARROW = Pattern.compile("\\b(?:const|let|var)\\s+main\\s*=");
  private static final Pattern PY_MAIN = Pattern.compile("(?m)^(?:async\\s+)?def\\s+main\\s*\\(");
  private static final Pattern PY_INDENTED = Pattern.compile("(?m)^\\s+def\\s+main\\s*\\(");
  private static final Pattern GO_MAIN = Pattern.compile("(?m)^func\\s+main\\s*\\(");
  private static final Pattern BASH_ARG =
      Pattern.compile("(?m)^\\s*(?:local\\s+)?([A-Za-z_][A-Za-z0-9_]*)=\"?\\$\\{?\\d+");
  private static final Pattern SQL_ARG =
      Pattern.compile(
          "(?m)^\\s*--\\s*(?:\\$\\d+\\s+([A-Za-z_][A-Za-z0-9_]*)"
              + "|[?@:]\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(\\s*([A-Za-z0-9_]+))");
  private static final Pattern PS_PARAM = Pattern.compile("(?i)\\bparam\\s*\\(");
  private static final Pattern PS_VARIABLE =
      Pattern.compile("(?:\\[([A-Za-z0-9_.\\[\\]]+)\\]\\s*)?\\$([A-Za-z_][A-Za-z0-9_]*)");

  private EntryPoint() {}

  /** The script's arguments, or empty when a language that needs a {@code main} has none. */
  static Optional<MainSignature> signature(String code, ScriptLanguage language) {
    switch (language.family()) {
      case TYPESCRIPT:
        return parameters(code, TS_MAIN, language);
      case PYTHON:
        return parameters(code, PY_MAIN, language);
      case GO:
        return parameters(code, GO_MAIN, language);
      case SHELL:
        return Optional.of(bashArguments(code));
      case SQL:
        return Optional.of(sqlArguments(code));
      default:
        return Optional.of(powershellArguments(code));
    }
  }

  /** Why the entry point is missing, phrased for the model; null when it is there. */
  static String missing(String code, ScriptLanguage language) {
    if (signature(code, language).isPresent()) {
      return null;
    }
    switch (language.family()) {
      case TYPESCRIPT:
        if (TS_UNEXPORTED.matcher(code).find()) {
          return "main is not exported: write 'export async function main(...)'";
        }
        if (TS_ARROW.matcher(code).find()) {
          return "main must be a function declaration: 'export async function main(...)',"
              + " not a const arrow function";
        }
        return "no 'export async function main(...)' or 'export function main(...)' found";
      case PYTHON:
        if (PY_INDENTED.matcher(code).find()) {
          return "'def main(' must be at the top level, not indented";
        }
        return "no top-level 'def main(...)' found";
      default:
        return "no top-level 'func main(...)' found";
    }
  }

  private static Optional<MainSignature> parameters(
      String code, Pattern main, ScriptLanguage language) {
    Matcher matcher = main.matcher(code);
    if (!matcher.find()) {
      return Optional.empty();
    }
    List<String> pieces = ParameterList.split(code, matcher.end());
    List<Param> params = new ArrayList<>();
    for (String piece : pieces) {
      Param param = ParameterList.param(piece, language.family());
      if (param != null) {
        params.add(param);
      }
    }
    if (language.family() == ScriptLanguage.Family.GO) {
      params = ParameterList.shareGoTypes(params);
    }
    return Optional.of(new MainSignature(params));
  }

  private static MainSignature bashArguments(String code) {
    List<Param> params = new ArrayList<>();
    Matcher matcher = BASH_ARG.matcher(code);
    while (matcher.find()) {
      params.add(new Param(matcher.group(1), null));
    }
    return new MainSignature(params);
  }

  private static MainSignature sqlArguments(String code) {
    List<Param> params = new ArrayList<>();
    Matcher matcher = SQL_ARG.matcher(code);
    while (matcher.find()) {
      params.add(
          matcher.group(1) != null
              ? new Param(matcher.group(1), null)
              : new Param(matcher.group(2), matcher.group(3)));
    }
    return new MainSignature(params);
  }

  private static MainSignature powershellArguments(String code) {
    Matcher block = PS_PARAM.matcher(code);
    if (!block.find()) {
      return new MainSignature(List.of());
    }
    List<Param> params = new ArrayList<>();
    for (String piece : ParameterList.split(code, block.end())) {
      Matcher variable = PS_VARIABLE.matcher(piece);
      if (variable.find()) {
        params.add(new Param(variable.group(2), variable.group(1)));
      }
    }
    return new MainSignature(params);
  }
}
