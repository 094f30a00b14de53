package dev.evals.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class ExcerptsTest {

  @Test
  void keepsASmallResultAsItIs() {
    JsonNode result = WindmillStubs.json("{\"a\": [1, 2, 3]}");

    assertThat(Excerpts.result(result)).isSameAs(result);
  }

  @Test
  void cutsAResultPast64KibWithAVisibleMarker() {
    JsonNode big = TextNode.valueOf("x".repeat(100_000));

    String cut = Excerpts.result(big).asText();

    assertThat(cut).hasSizeLessThan(66_000).contains("[truncated by evals", "100002 characters");
  }

  @Test
  void keepsTheEndOfLongLogs() {
    String logs = "start\n" + "y".repeat(20_000) + "\nError: boom";

    assertThat(Excerpts.logs(logs)).endsWith("Error: boom").startsWith("[... ");
  }
}
