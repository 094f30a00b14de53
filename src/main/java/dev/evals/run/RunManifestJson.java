package dev.evals.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.evals.json.FlatFields;
import dev.evals.json.FlatShape;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * {@code run.json} as one flat object with the field names and order it had before {@link
 * RunManifest} was nested, every field written (null included). Files from before a field existed
 * read with it null (or 0, or false), as they always did.
 */
final class RunManifestJson {

  /** run.json's fields in their order, each with the type it is read as. */
  private static final FlatShape<RunManifest> MANIFEST =
      FlatShape.of(RunManifest.class)
          .field("version", int.class, RunManifest::version)
          .field("mode", String.class, RunManifest::mode)
          .field("runModel", String.class, RunManifest::runModel)
          .field("runModelAlias", String.class, RunManifest::runModelAlias)
          .field("judgeModel", String.class, RunManifest::judgeModel)
          .field("judgeModelAlias", String.class, RunManifest::judgeModelAlias)
          .field("judgeThreshold", int.class, RunManifest::judgeThreshold)
          .field("judgeSamples", int.class, RunManifest::judgeSamples)
          .listOf("caseIds", String.class, RunManifest::caseIds)
          .listOf("judgeSkippedCaseIds", String.class, RunManifest::judgeSkippedCaseIds)
          .listOf("casePatterns", String.class, RunManifest::casePatterns)
          .field("runs", int.class, RunManifest::runs)
          .field("concurrency", int.class, RunManifest::concurrency)
          .field("backendValidation", String.class, RunManifest::backendValidation)
          .field("minPassRate", BigDecimal.class, RunManifest::minPassRate)
          .field("systemPrompt", String.class, RunManifest::systemPrompt)
          .field("casesRoot", String.class, RunManifest::casesRoot)
          .field("casesFileDigest", String.class, RunManifest::casesFileDigest)
          .field("gitSha", String.class, RunManifest::gitSha)
          .field("startedAt", String.class, RunManifest::startedAt)
          .field("rescoredFrom", String.class, RunManifest::rescoredFrom)
          .field("toolVersion", String.class, RunManifest::toolVersion)
          .field("toolCommit", String.class, RunManifest::toolCommit)
          .field(
              "modelOptions",
              types -> types.constructMapType(Map.class, String.class, String.class),
              RunManifest::modelOptions)
          .field("executionOnly", Boolean.class, RunManifest::executionOnly)
          .field("shard", ShardOfPlan.class, RunManifest::shard);

  private RunManifestJson() {}

  private static RunManifest manifestOf(Map<String, Object> r) {
    return new RunManifest(
        (int) FlatFields.number(r, "version"),
        FlatFields.value(r, "mode"),
        new RunManifest.ModelChoice(
            FlatFields.value(r, "runModel"),
            FlatFields.value(r, "runModelAlias"),
            FlatFields.value(r, "modelOptions")),
        new RunManifest.JudgeChoice(
            FlatFields.value(r, "judgeModel"),
            FlatFields.value(r, "judgeModelAlias"),
            (int) FlatFields.number(r, "judgeThreshold"),
            (int) FlatFields.number(r, "judgeSamples")),
        new RunManifest.Selection(
            FlatFields.value(r, "caseIds"),
            FlatFields.value(r, "judgeSkippedCaseIds"),
            FlatFields.value(r, "casePatterns"),
            (int) FlatFields.number(r, "runs"),
            FlatFields.value(r, "shard")),
        new RunManifest.Settings(
            (int) FlatFields.number(r, "concurrency"),
            FlatFields.value(r, "backendValidation"),
            FlatFields.value(r, "minPassRate"),
            FlatFields.value(r, "systemPrompt"),
            FlatFields.value(r, "executionOnly")),
        new RunManifest.Provenance(
            FlatFields.value(r, "casesRoot"),
            FlatFields.value(r, "casesFileDigest"),
            FlatFields.value(r, "gitSha"),
            FlatFields.value(r, "startedAt"),
            FlatFields.value(r, "rescoredFrom"),
            FlatFields.value(r, "toolVersion"),
            FlatFields.value(r, "toolCommit")));
  }

  static final class Writer extends JsonSerializer<RunManifest> {
    @Override
    public void serialize(RunManifest manifest, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      MANIFEST.write(manifest, gen, provider);
      gen.writeEndObject();
    }
  }

  static final class Reader extends JsonDeserializer<RunManifest> {
    @Override
    public RunManifest deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Map<String, Object> read = MANIFEST.read(p, ctxt, Set.of());
      return FlatFields.build(p, RunManifest.class, () -> manifestOf(read));
    }
  }
}
