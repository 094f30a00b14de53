package dev.evals.run;

import dev.evals.agent.AgentListener;
import dev.evals.agent.AgentLoop;
import dev.evals.agent.AgentResult;
import dev.evals.model.ChatModel;
import dev.evals.model.ModelSpec;
import dev.evals.model.ScriptedChatModel;
import dev.evals.modes.Driver;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import java.util.function.Function;
import java.util.function.Supplier;

/** The model a run measures, and how its mode drives it for one attempt. */
public sealed interface ModelUnderTest permits ModelUnderTest.Chat, ModelUnderTest.Agent {

  /** The registered model. */
  ModelSpec spec();

  /** Runs the model on one attempt's session, until it stops. */
  AgentResult drive(PreparedCase prepared, Session session, AgentListener listener);

  /**
   * A chat model driven by our tool loop.
   *
   * @param chatModelFor the endpoint for an attempt of the given case
   */
  record Chat(ModelSpec spec, Function<PreparedCase, ChatModel> chatModelFor)
      implements ModelUnderTest {

    @Override
    public AgentResult drive(PreparedCase prepared, Session session, AgentListener listener) {
      return new AgentLoop(chatModelFor.apply(prepared), listener)
          .run(
              session.systemPrompt(),
              session.userMessage(prepared.definition().prompt()),
              session.tools(),
              prepared.definition().runtime().effectiveMaxTurns());
    }
  }

  /**
   * A model run as an agent process by its mode (cli mode): no chat endpoint is needed.
   *
   * @param process starts the agent of one attempt
   */
  record Agent(ModelSpec spec, Driver.AgentProcess process) implements ModelUnderTest {

    @Override
    public AgentResult drive(PreparedCase prepared, Session session, AgentListener listener) {
      return process.runner().run(session, spec, listener);
    }
  }

  /**
   * The model as the mode's driver runs it: an agent process, the reference model's replay, or a
   * chat endpoint created (once, for every attempt) only when the tool loop needs one.
   */
  static ModelUnderTest of(Driver driver, ModelSpec spec, Supplier<ChatModel> endpoint) {
    if (driver instanceof Driver.AgentProcess process) {
      return new Agent(spec, process);
    }
    return spec.isReference() ? reference(spec) : shared(spec, endpoint.get());
  }

  /** The reference model: replays each case's expected solution through the mode's tools. */
  static ModelUnderTest reference(ModelSpec spec) {
    return new Chat(
        spec,
        prepared ->
            new ScriptedChatModel(
                prepared.referenceSolution(), "Done: the expected solution is in place."));
  }

  /** A provider model shared by every attempt. */
  static ModelUnderTest shared(ModelSpec spec, ChatModel model) {
    return new Chat(spec, prepared -> model);
  }
}
