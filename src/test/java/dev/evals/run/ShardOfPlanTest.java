package dev.evals.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals.json.Mappers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardOfPlanTest {

  private static final List<String> CASES = List.of("flow-c", "flow-a", "Flow-b", "flow-d", "é-e");

  @Test
  void theShardsOfAPlanCoverEveryAttemptExactlyOnceAndDifferInSizeByAtMostOne() {
    List<String> all = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (int index = 1; index <= 4; index++) {
      Set<String> keys = ShardOfPlan.of(index, 4, "flow", CASES, 3).keys(CASES, 3);
      all.addAll(keys);
      sizes.add(keys.size());
    }

    assertThat(all).hasSize(15).doesNotHaveDuplicates();
    assertThat(sizes).containsExactly(4, 4, 4, 3);
  }

  @Test
  void theDealDoesNotDependOnTheOrderOfTheCasesOrTheLocale() {
    Locale before = Locale.getDefault();
    try {
      Set<String> here = ShardOfPlan.of(2, 3, "flow", CASES, 2).keys(CASES, 2);
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      List<String> reversed = new ArrayList<>(CASES);
      Collections.reverse(reversed);

      assertThat(new HashSet<>(ShardOfPlan.of(2, 3, "flow", reversed, 2).keys(reversed, 2)))
          .isEqualTo(new HashSet<>(here));
      assertThat(ShardOfPlan.digestOf("flow", reversed, 2))
          .isEqualTo(ShardOfPlan.digestOf("flow", CASES, 2));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void theRepeatsOfOneCaseGoToDifferentShards() {
    List<String> one = List.of("flow-a");

    assertThat(ShardOfPlan.of(1, 3, "flow", one, 3).keys(one, 3)).containsExactly("flow-a#1");
    assertThat(ShardOfPlan.of(3, 3, "flow", one, 3).keys(one, 3)).containsExactly("flow-a#3");
  }

  @Test
  void theDigestNamesTheModeTheCasesAndTheRepeats() {
    String digest = ShardOfPlan.digestOf("flow", CASES, 2);

    assertThat(digest).startsWith("sha256:");
    assertThat(ShardOfPlan.digestOf("script", CASES, 2)).isNotEqualTo(digest);
    assertThat(ShardOfPlan.digestOf("flow", CASES, 3)).isNotEqualTo(digest);
    assertThat(ShardOfPlan.digestOf("flow", CASES.subList(1, 5), 2)).isNotEqualTo(digest);
  }

  @Test
  void refusesAShardOutsideOneToCount() {
    assertThatThrownBy(() -> new ShardOfPlan(0, 3, 1, "d")).hasMessageContaining("0/3");
    assertThatThrownBy(() -> new ShardOfPlan(4, 3, 1, "d")).hasMessageContaining("4/3");
  }

  @Test
  void aManifestWithoutAShardPlansEveryAttemptRepeatByRepeat() throws Exception {
    String json =
        "{\"version\":1,\"mode\":\"flow\",\"runModel\":\"reference\",\"runModelAlias\":\"reference\","
            + "\"judgeThreshold\":70,\"judgeSamples\":1,\"caseIds\":[\"b\",\"a\"],\"runs\":2,"
            + "\"concurrency\":1}";

    RunManifest manifest = Mappers.json().readValue(json, RunManifest.class);

    assertThat(manifest.shard()).isNull();
    assertThat(manifest.plannedKeys()).containsExactly("b#1", "a#1", "b#2", "a#2");
  }
}
