package dev.evals.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.evals.json.FlatFields;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code run.json} as one flat object with the field names and order it had before {@link
 * RunManifest} was nested, every field written (null included). Files from before a field existed
 * read with it null (or 0, or false), as they always did.
 */
final class RunManifestJson {

  private static final List<String> TEXT =
      List.of(
          "mode",
          "runModel",
          "runModelAlias",
          "judgeModel",
          "judgeModelAlias",
          "backendValidation",
          "systemPrompt",
          "casesRoot",
          "casesFileDigest",
          "gitSha",
          "startedAt",
          "rescoredFrom",
          "toolVersion",
          "toolCommit");
  private static final List<String> WHOLE =
      List.of("version", "judgeThreshold", "judgeSamples", "runs", "concurrency");
  private static final List<String> IDS = List.of("caseIds", "judgeSkippedCaseIds", "casePatterns");

  private RunManifestJson() {}

  private static FlatFields fields(RunManifest m) {
    return new FlatFields()
        .put("version", m.version())
        .put("mode", m.mode())
        .put("runModel", m.runModel())
        .put("runModelAlias", m.runModelAlias())
        .put("judgeModel", m.judgeModel())
        .put("judgeModelAlias", m.judgeModelAlias())
        .put("judgeThreshold", m.judgeThreshold())
        .put("judgeSamples", m.judgeSamples())
        .put("caseIds", m.caseIds())
        .put("judgeSkippedCaseIds", m.judgeSkippedCaseIds())
        .put("casePatterns", m.casePatterns())
        .put("runs", m.runs())
        .put("concurrency", m.concurrency())
        .put("backendValidation", m.backendValidation())
        .put("minPassRate", m.minPassRate())
        .put("systemPrompt", m.systemPrompt())
        .put("casesRoot", m.casesRoot())
        .put("casesFileDigest", m.casesFileDigest())
        .put("gitSha", m.gitSha())
        .put("startedAt", m.startedAt())
        .put("rescoredFrom", m.rescoredFrom())
        .put("toolVersion", m.toolVersion())
        .put("toolCommit", m.toolCommit())
        .put("modelOptions", m.modelOptions())
        .put("executionOnly", m.executionOnly())
        .put("shard", m.shard());
  }

  private static Map<String, JavaType> types(TypeFactory types) {
    Map<String, JavaType> t = new LinkedHashMap<>();
    TEXT.forEach(name -> t.put(name, types.constructType(String.class)));
    WHOLE.forEach(name -> t.put(name, types.constructType(int.class)));
    IDS.forEach(name -> t.put(name, types.constructCollectionType(List.class, String.class)));
    t.put("minPassRate", types.constructType(BigDecimal.class));
    t.put("modelOptions", types.constructMapType(Map.class, String.class, String.class));
    t.put("executionOnly", types.constructType(Boolean.class));
    t.put("shard", types.constructType(ShardOfPlan.class));
    return t;
  }

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
      fields(manifest).write(gen, provider);
      gen.writeEndObject();
    }
  }

  static final class Reader extends JsonDeserializer<RunManifest> {
    @Override
    public RunManifest deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Map<String, Object> read =
          FlatFields.read(p, ctxt, RunManifest.class, types(ctxt.getTypeFactory()), Set.of());
      return FlatFields.build(p, RunManifest.class, () -> manifestOf(read));
    }
  }
}
