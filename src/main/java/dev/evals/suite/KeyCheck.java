package dev.evals.suite;

import dev.evals.input.BadInput;
import dev.evals.model.MissingApiKeyException;
import dev.evals.model.ModelSpec;
import dev.evals.model.providers.ChatModelFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks, before any model is called, that the model under test and the judge have their API keys,
 * and says in one line who needs each missing key and the ways out: someone with only an OpenAI key
 * who runs {@code --model 4o} learns that the default judge (sonnet) needs {@code
 * ANTHROPIC_API_KEY}, and that {@code --judge-model 4o} or {@code --judge off} avoid it.
 */
final class KeyCheck {

  private KeyCheck() {}

  /** A missing key: who needs it and which variable it is. */
  static final class MissingKeys extends IllegalArgumentException implements BadInput {
    MissingKeys(String message) {
      super(message);
    }
  }

  /**
   * @param model the model under test, or null when its key is not this tool's concern (the
   *     reference model, a coding agent)
   * @param judge the judge, or null when off
   * @param defaultJudge whether the judge is the default one (no {@code --judge-model})
   */
  static void check(
      ChatModelFactory chatModels, ModelSpec model, ModelSpec judge, boolean defaultJudge) {
    Map<String, List<String>> needs = new LinkedHashMap<>();
    boolean modelHasKey = true;
    if (model != null) {
      modelHasKey =
          hasKey(chatModels, model, "the model under test (" + model.alias() + ")", needs);
    }
    boolean judgeHasKey = true;
    if (judge != null) {
      String who = "the judge (" + judge.alias() + (defaultJudge ? " by default" : "") + ")";
      judgeHasKey = hasKey(chatModels, judge, who, needs);
    }
    if (needs.isEmpty()) {
      return;
    }
    List<String> clauses = new ArrayList<>();
    needs.forEach(
        (key, who) ->
            clauses.add(
                key
                    + " is not set; "
                    + String.join(" and ", who)
                    + (who.size() == 1 ? " needs it" : " need it")));
    StringBuilder line =
        new StringBuilder(String.join("; ", clauses))
            .append(
                needs.size() == 1
                    ? ": export it or put it in .env"
                    : ": export them or put them in .env");
    if (!judgeHasKey) {
      String other = modelHasKey && model != null ? model.alias() : "<alias>";
      line.append(", or choose another judge (--judge-model ")
          .append(other)
          .append(") or none (--judge off)");
    }
    throw new MissingKeys(line.toString());
  }

  /** Whether the key is set; if not, adds {@code who} under its name. */
  private static boolean hasKey(
      ChatModelFactory chatModels, ModelSpec spec, String who, Map<String, List<String>> needs) {
    try {
      chatModels.checkCredentials(spec);
      return true;
    } catch (MissingApiKeyException e) {
      needs.computeIfAbsent(e.keyName(), k -> new ArrayList<>()).add(who);
      return false;
    }
  }
}
