package dev.evals.report.output;

/** Escapes text for XML and HTML, dropping characters XML 1.0 cannot carry at all. */
final class Markup {

  private Markup() {}

  /** Safe inside element content and inside single- or double-quoted attributes. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    if (plain(text)) {
      return text; // most text of a report needs nothing, and pages are made of a lot of it
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(cp -> append(out, cp));
    return out.toString();
  }

  /** Whether no character needs escaping or replacing. */
  private static boolean plain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 ? c != '\n' && c != '\t' && c != '\r' : c >= 0xD800 || special(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean special(char c) {
    return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
  }

  private static void append(StringBuilder out, int cp) {
    switch (cp) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&#39;");
      default -> {
        if (allowed(cp)) {
          out.appendCodePoint(cp);
        } else {
          out.append('\uFFFD');
        }
      }
    }
  }

  /** The XML 1.0 Char production. */
  private static boolean allowed(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || cp >= 0x20 && cp <= 0xD7FF
        || cp >= 0xE000 && cp <= 0xFFFD
        || cp >= 0x10000 && cp <= 0x10FFFF;
  }
}
