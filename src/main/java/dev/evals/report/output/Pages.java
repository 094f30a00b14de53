package dev.evals.report.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What every page of the report shares: its head with the inline style sheet. */
final class Pages {

  static final String CSS = resource("report.css");
  static final String JS = resource("report.js");

  private Pages() {}

  /** From the doctype to the opening body tag; nothing is fetched, the style is inline. */
  static void head(HtmlWriter html, String title) {
    html.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .raw("<title>")
        .text(title)
        .raw("</title>\n<style>\n")
        .raw(CSS)
        .raw("</style></head><body>\n");
  }

  private static String resource(String name) {
    try (InputStream in = Pages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
