package dev.evals.modes.cli;

import dev.evals.model.ModelSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sets up one attempt's workspace, runs the agent (or the reference) in it, records the result. */
final class AgentRun {

  private final PreparedCliCase prepared;
  private final FileTree guidance;
  private final AgentFolder folder;

  AgentRun(PreparedCliCase prepared, FileTree guidance, AgentFolder folder) {
    this.prepared = prepared;
    this.guidance = guidance;
    this.folder = folder;
  }

  CliAttempt run(ModelSpec model, String prompt) throws IOException {
    Path workspace = folder.workspace();
    prepared.initial().writeTo(workspace);
    guidance.writeTo(workspace);
    FileTree before = FileTree.snapshot(workspace, path -> false);
    int timeout = prepared.definition().runtime().effectiveTimeoutSeconds();
    ProcessOutcome outcome;
    AgentTranscript transcript;
    String wmillLog = "";
    if (model.isReference()) {
      folder.markOutside();
      FileTree expected = prepared.expected() == null ? FileTree.EMPTY : prepared.expected();
      transcript =
          ReferenceAgent.solve(expected, prepared.expectedAnswer(), prepared.expect(), workspace);
      outcome = new ProcessOutcome(transcript.finalAnswer(), "", 0, false, timeout);
    } else {
      List<String> command = command(model, prompt);
      AgentKind kind = AgentKind.of(command);
      WmillStub stub =
          WmillStub.install(
              folder.root().resolve("bin"), folder.root().resolve(WmillStub.LOG_FILE));
      Map<String, String> environment = environment(stub);
      environment.putAll(AgentHome.create(folder.root(), environment));
      ProviderProbe.check(kind, command, environment);
      folder.markOutside();
      String stdin = AgentCommand.parse(template(model)).mentionsPrompt() ? null : prompt;
      outcome =
          new AgentProcess(command, workspace, environment, stdin, StreamWatch.of(kind))
              .run(folder.root(), timeout);
      transcript = AgentStreamParser.parse(outcome.stdout());
      wmillLog = stub.rawLog();
    }
    FileTree after = FileTree.snapshot(workspace, path -> false);
    CliTrace trace =
        TraceBuilder.build(
            transcript, WmillStub.commands(wmillLog), model.isReference() ? null : model.modelId());
    return new CliAttempt(
        after,
        AgentFolderDiff.between(before, after),
        folder.escaped(),
        transcript,
        trace,
        outcome,
        wmillLog);
  }

  private List<String> command(ModelSpec model, String prompt) {
    return AgentCommand.parse(template(model)).render(prompt, model.modelId());
  }

  private String template(ModelSpec model) {
    String override = prepared.settings().agentCommandOverride();
    if (override != null) {
      return override;
    }
    if (model.agentCommand() == null || model.agentCommand().isBlank()) {
      throw UnsupportedAgentException.forModel(model);
    }
    return model.agentCommand();
  }

  private Map<String, String> environment(WmillStub stub) {
    Map<String, String> env = new HashMap<>(prepared.settings().environment());
    String path = env.get("PATH");
    String bin = stub.binDirectory().toString();
    env.put("PATH", path == null || path.isEmpty() ? bin : bin + File.pathSeparator + path);
    return env;
  }
}
