package dev.evals.run;

import dev.evals.model.ChatModel;
import dev.evals.model.ModelSpec;
import dev.evals.model.ScriptedChatModel;
import dev.evals.modes.PreparedCase;
import java.util.function.Function;

/**
 * The model a run measures, and how to get a chat endpoint for one attempt of a case.
 *
 * @param spec the registered model
 * @param chatModelFor the endpoint for an attempt of the given case
 */
public record ModelUnderTest(ModelSpec spec, Function<PreparedCase, ChatModel> chatModelFor) {

  /** The reference model: replays each case's expected solution through the mode's tools. */
  public static ModelUnderTest reference(ModelSpec spec) {
    return new ModelUnderTest(
        spec,
        prepared ->
            new ScriptedChatModel(
                prepared.referenceSolution(), "Done: the expected solution is in place."));
  }

  /** A model run as an agent process by its mode (cli mode): no chat endpoint is needed. */
  public static ModelUnderTest agentProcess(ModelSpec spec) {
    return new ModelUnderTest(
        spec,
        prepared -> {
          throw new IllegalStateException(
              "mode of case " + prepared.definition().id() + " runs an agent process, not a chat");
        });
  }

  /** A provider model shared by every attempt. */
  public static ModelUnderTest shared(ModelSpec spec, ChatModel model) {
    return new ModelUnderTest(spec, prepared -> model);
  }
}
