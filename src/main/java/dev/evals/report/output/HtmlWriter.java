package dev.evals.report.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * HTML written straight to a {@link Writer}, so a page is never held in memory. A failed write is
 * an {@link UncheckedIOException}, since pages are written from inside the callbacks of an {@code
 * AttemptSource}; {@link ReportFiles} turns it back into a warning.
 */
final class HtmlWriter {

  private final Writer out;

  HtmlWriter(Writer out) {
    this.out = out;
  }

  /** Markup as given. */
  HtmlWriter raw(String html) {
    try {
      out.write(html);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Text, escaped for element content and quoted attributes. */
  HtmlWriter text(String text) {
    return raw(Markup.escape(text));
  }

  /** A number or flag. */
  HtmlWriter value(Object value) {
    return raw(String.valueOf(value));
  }

  /** A collapsible block: {@code <details><summary>title</summary>}; close it with {@link #end}. */
  HtmlWriter details(String css, String title, boolean open) {
    return raw("<details")
        .raw(css == null ? "" : " class=\"" + css + "\"")
        .raw(open ? " open" : "")
        .raw("><summary>")
        .text(title)
        .raw("</summary>");
  }

  HtmlWriter end() {
    return raw("</details>\n");
  }

  /** Preformatted text, escaped. */
  HtmlWriter pre(String css, String text) {
    return raw(css == null ? "<pre>" : "<pre class=\"" + css + "\">").text(text).raw("</pre>\n");
  }
}
