package dev.evals.modes.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The scripted model turns a stand-in provider plays to a real agent: turn n answers the request
 * that already holds n model turns; past the last turn the last one is played again.
 *
 * @param turns each turn's steps, in order
 */
record AgentPlay(List<List<Step>> turns) {

  /** One content block of a turn. */
  sealed interface Step permits Say, Call {}

  /** Text the model says. */
  record Say(String text) implements Step {}

  /** A tool call in the agent's own vocabulary, with its arguments. */
  record Call(String tool, ObjectNode input) implements Step {}

  AgentPlay {
    turns = turns.stream().map(List::copyOf).toList();
    if (turns.isEmpty()) {
      throw new IllegalArgumentException("a play needs a turn");
    }
  }

  List<Step> turn(int index) {
    return turns.get(Math.min(index, turns.size() - 1));
  }

  static Call call(String tool, String... fieldsAndValues) {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
      input.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return new Call(tool, input);
  }

  /** Builds a play turn by turn. */
  static final class Builder {
    private final List<List<Step>> turns = new ArrayList<>();

    Builder turn(Step... steps) {
      if (steps.length > 0) {
        turns.add(List.of(steps));
      }
      return this;
    }

    Builder turn(List<? extends Step> steps) {
      if (!steps.isEmpty()) {
        turns.add(List.copyOf(steps));
      }
      return this;
    }

    AgentPlay build() {
      return new AgentPlay(turns);
    }
  }
}
