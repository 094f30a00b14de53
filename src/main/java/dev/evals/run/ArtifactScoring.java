package dev.evals.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.agent.ToolInvocation;
import dev.evals.config.Secrets;
import dev.evals.json.Mappers;
import dev.evals.judge.Judgement;
import dev.evals.modes.PreparedCase;
import dev.evals.modes.Session;
import dev.evals.modes.ToolExpectations;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The steps that score what the model left, shared by a run and a rescore: the mode's validators,
 * the tool expectations over its calls, then the judge.
 */
final class ArtifactScoring {

  private final JudgeStage judge;
  private final Secrets secrets;

  ArtifactScoring(JudgeStage judge, Secrets secrets) {
    this.judge = judge;
    this.secrets = secrets;
  }

  void score(
      PreparedCase prepared,
      Session session,
      List<ToolInvocation> invocations,
      AttemptFolder folder,
      Scoring scoring)
      throws IOException {
    if (session.hasArtifact()) {
      scoring.addAll(session.validate());
    }
    scoring.addToolChecks(ToolExpectations.check(prepared.definition().toolExpect(), invocations));
    Optional<Judgement> judgement = judge.judge(prepared, session);
    if (judgement.isPresent()) {
      writeJson(folder, "judge.json", judgement.get().toJson());
      scoring.judged(judgement.get());
    }
  }

  void writeJson(AttemptFolder folder, String name, JsonNode json) throws IOException {
    folder.write(name, secrets.redact(Mappers.json().writeValueAsString(json)) + "\n");
  }
}
