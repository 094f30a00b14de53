package dev.evals.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals.json.Mappers;
import org.junit.jupiter.api.Test;

class StateTextTest {

  @Test
  void leavesAShortStateAlone() {
    ObjectNode state = Mappers.json().createObjectNode().put("a", "b");

    assertThat(StateText.of(state, 100)).isEqualTo("{\n  \"a\" : \"b\"\n}");
  }

  @Test
  void cutsTheMiddleOfATextSayingHowMuch() {
    assertThat(StateText.middleCut("abcdefghij", 4))
        .isEqualTo("ab\n... [truncated: 6 characters cut here] ...\nij");
  }

  @Test
  void neverSplitsASurrogatePair() {
    assertThat(StateText.middleCut("a\uD83D\uDE00cdef\uD83D\uDE00g", 4))
        .isEqualTo("a\n... [truncated: 8 characters cut here] ...\ng");
  }

  @Test
  void cutsEachLongStringInTheMiddleSoEveryFieldStaysVisible() {
    ObjectNode state = Mappers.json().createObjectNode();
    state.put("summary", "HEAD" + "p".repeat(100_000) + "TAIL");
    ArrayNode modules = state.putArray("modules");
    for (int i = 0; i < 10; i++) {
      modules.addObject().put("id", "step_" + i).put("content", "code of step " + i);
    }

    String text = StateText.of(state, 5_000);

    assertThat(text.length()).isLessThanOrEqualTo(5_000);
    assertThat(text).contains("\"summary\" : \"HEAD").contains("TAIL\"");
    assertThat(text).contains("characters cut here");
    for (int i = 0; i < 10; i++) {
      assertThat(text).contains("code of step " + i);
    }
  }

  @Test
  void keepsAsMuchOfEachStringAsFits() {
    ObjectNode state = Mappers.json().createObjectNode();
    state.put("a", "x".repeat(10_000)).put("b", "y".repeat(10_000));

    String text = StateText.of(state, 4_000);

    assertThat(text.length()).isBetween(3_900, 4_000);
    assertThat(text).contains("x".repeat(900)).contains("y".repeat(900));
  }

  @Test
  void cutsTheWholeTextInTheMiddleWhenItsStructureAloneIsTooLong() {
    ArrayNode many = Mappers.json().createArrayNode();
    for (int i = 0; i < 2_000; i++) {
      many.add("item " + i);
    }

    String text = StateText.of(many, 1_000);

    assertThat(text.length()).isLessThanOrEqualTo(1_000);
    assertThat(text).startsWith("[ \"item 0\"").endsWith("\"item 1999\" ]");
    assertThat(text).contains("characters cut here");
  }
}
