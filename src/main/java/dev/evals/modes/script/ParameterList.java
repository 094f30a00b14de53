package dev.evals.modes.script;

import dev.evals.modes.script.MainSignature.Param;
import dev.evals.modes.script.ScriptLanguage.Family;
import java.util.ArrayList;
import java.util.List;

/** Splits a parameter list at its top-level commas and reads each parameter's name and type. */
final class ParameterList {

  private ParameterList() {}

  /**
   * The comma-separated pieces between an opening parenthesis (just before {@code start}) and its
   * closing one; commas nested in brackets, generics or strings do not split.
   */
  static List<String> split(String code, int start) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    int depth = 0;
    char quote = 0;
    for (int i = start; i < code.length(); i++) {
      char c = code.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
        i += c == '\\' ? 1 : 0;
      } else if (c == '"' || c == '\'' || c == '`') {
        quote = c;
      } else if ("([{<".indexOf(c) >= 0) {
        depth++;
      } else if (c == '>' && code.charAt(i - 1) == '=') {
        piece.append(c);
        continue;
      } else if (")]}>".indexOf(c) >= 0) {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        pieces.add(piece.toString());
        piece.setLength(0);
        continue;
      }
      piece.append(c);
    }
    pieces.add(piece.toString());
    return pieces.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  /** One parameter of the family's syntax, or null for a marker such as Python's {@code *}. */
  static Param param(String piece, Family family) {
    String text = piece.strip();
    if (family == Family.GO) {
      String[] parts = text.split("\\s+", 2);
      return new Param(parts[0], parts.length > 1 ? parts[1] : null);
    }
    text = text.replaceFirst("^(\\.\\.\\.|\\*\\*|\\*)", "").strip();
    if (text.isEmpty() || text.equals("/") || text.equals("self")) {
      return null;
    }
    int colon = text.indexOf(':');
    int equals = defaultStart(text);
    int nameEnd = minPositive(colon, equals, text.indexOf('?'), text.length());
    String name = text.substring(0, nameEnd).strip();
    String type = null;
    if (colon >= 0 && (equals < 0 || colon < equals)) {
      type = text.substring(colon + 1, equals < 0 ? text.length() : equals);
    }
    return new Param(name, type);
  }

  /** Go lets {@code a, b string} share one type: a parameter without one takes the next's. */
  static List<Param> shareGoTypes(List<Param> params) {
    List<Param> typed = new ArrayList<>(params);
    String next = null;
    for (int i = typed.size() - 1; i >= 0; i--) {
      Param param = typed.get(i);
      if (param.type() == null && next != null) {
        typed.set(i, new Param(param.name(), next));
      }
      next = typed.get(i).type();
    }
    return typed;
  }

  private static int defaultStart(String text) {
    for (int i = 0; i < text.length(); i++) {
      boolean arrow = i + 1 < text.length() && text.charAt(i + 1) == '>';
      if (text.charAt(i) == '=' && !arrow) {
        return i;
      }
    }
    return -1;
  }

  private static int minPositive(int... candidates) {
    int min = Integer.MAX_VALUE;
    for (int candidate : candidates) {
      if (candidate >= 0 && candidate < min) {
        min = candidate;
      }
    }
    return min;
  }
}
