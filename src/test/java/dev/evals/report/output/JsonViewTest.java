package dev.evals.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class JsonViewTest {

  private static Element view(String text) {
    StringWriter out = new StringWriter();
    JsonView.render(new HtmlWriter(out), text);
    return Jsoup.parseBodyFragment(out.toString()).body().child(0);
  }

  @Test
  void indentsJsonAndKeepsOneLineStringsAsJsonStrings() {
    Element view = view("{\"a\": [1, \"x \\\"y\\\"\"], \"b\": {}, \"c\": []}");

    assertThat(view.wholeText())
        .isEqualTo(
            "{\n  \"a\": [\n    1,\n    \"x \\\"y\\\"\"\n  ],\n  \"b\": {},\n  \"c\": []\n}");
    assertThat(view.select("code.block")).isEmpty();
  }

  @Test
  void showsEveryMultiLineStringAsCode() {
    Element view =
        view(
            "{\"frontend\": {\"/index.tsx\": \"import x\\nexport default x\\n\"},"
                + " \"backend\": {\"a\": {\"main.ts\": \"const a = '<b>'\\n\"}}}");

    assertThat(view.select("code.block").eachText())
        .containsExactly("import x\nexport default x", "const a = '<b>'");
    assertThat(view.select("code.block").first().wholeText())
        .isEqualTo("import x\nexport default x\n");
  }

  @Test
  void showsTextThatIsNotJsonAsCode() {
    Element view = view("#!/bin/bash\necho \"<hi>\"\n");

    assertThat(view.is("pre.code")).isTrue();
    assertThat(view.wholeText()).isEqualTo("#!/bin/bash\necho \"<hi>\"\n");
  }
}
