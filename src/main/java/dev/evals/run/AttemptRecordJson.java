package dev.evals.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.evals.model.TokenUsage;
import dev.evals.validate.Check;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The flat object an {@link AttemptRecord} is on disk, in {@code index.jsonl} and the summary's
 * {@code cases[].attempts}: the field names and order of the format before the record was nested,
 * every field written (absent values as null), and lines written before read the same.
 */
final class AttemptRecordJson {

  /** The numbers a missing field reads as 0 and a null is refused, as for Java primitives. */
  private static final List<String> PRIMITIVES =
      List.of("attempt", "durationMs", "turns", "toolCallCount", "finalContextTokens");

  /** Written for readers of the file, derived from the others, ignored when read. */
  private static final Set<String> DERIVED = Set.of("modelCostUsd", "totalCostUsd");

  private AttemptRecordJson() {}

  static final class Writer extends JsonSerializer<AttemptRecord> {
    @Override
    public void serialize(AttemptRecord record, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      out.writeStartObject();
      out.writeStringField("caseId", record.caseId());
      out.writeNumberField("attempt", record.attempt());
      provider.defaultSerializeField("status", record.status(), out);
      out.writeBooleanField("passed", record.passed());
      provider.defaultSerializeField("checks", record.checks(), out);
      provider.defaultSerializeField("judgeScore", record.judgeScore(), out);
      out.writeNumberField("durationMs", record.durationMs());
      out.writeNumberField("turns", record.turns());
      out.writeNumberField("toolCallCount", record.toolCallCount());
      provider.defaultSerializeField("toolsUsed", record.toolsUsed(), out);
      provider.defaultSerializeField("tokenUsage", record.tokenUsage(), out);
      out.writeNumberField("finalContextTokens", record.finalContextTokens());
      provider.defaultSerializeField("costUsd", record.costUsd(), out);
      provider.defaultSerializeField("judgeTokenUsage", record.judgeTokenUsage(), out);
      provider.defaultSerializeField("judgeCostUsd", record.judgeCostUsd(), out);
      provider.defaultSerializeField("error", record.error(), out);
      provider.defaultSerializeField("artifactsPath", record.artifactsPath(), out);
      provider.defaultSerializeField("modelCostUsd", record.costUsd(), out);
      provider.defaultSerializeField("totalCostUsd", record.totalCostUsd(), out);
      out.writeEndObject();
    }
  }

  static final class Reader extends JsonDeserializer<AttemptRecord> {
    /** Built once: constructing the types anew for every field was a quarter of a report's CPU. */
    private static final Map<String, JavaType> TYPES = types(TypeFactory.defaultInstance());

    /**
     * Each field's deserializer, found once per mapper (this instance belongs to one): {@code
     * context.readValue(parser, type)} looks it up again on every call, half of reading a record.
     */
    private final Map<String, JsonDeserializer<Object>> readers = new ConcurrentHashMap<>();

    @Override
    public AttemptRecord deserialize(JsonParser in, DeserializationContext context)
        throws IOException {
      Map<String, Object> values = read(in, context);
      try {
        return new AttemptRecord(
            new AttemptKey((String) values.get("caseId"), number(values, "attempt").intValue()),
            AttemptOutcome.of(
                (AttemptStatus) values.get("status"),
                Boolean.TRUE.equals(values.get("passed")),
                list(values, "checks"),
                (Integer) values.get("judgeScore"),
                (String) values.get("error")),
            new AttemptUsage(
                (TokenUsage) values.get("tokenUsage"),
                number(values, "finalContextTokens"),
                (BigDecimal) values.get("costUsd"),
                (TokenUsage) values.get("judgeTokenUsage"),
                (BigDecimal) values.get("judgeCostUsd")),
            new AttemptTiming(
                number(values, "durationMs"),
                number(values, "turns").intValue(),
                number(values, "toolCallCount").intValue(),
                list(values, "toolsUsed")),
            (String) values.get("artifactsPath"));
      } catch (IllegalArgumentException | NullPointerException e) {
        return context.reportInputMismatch(AttemptRecord.class, "%s", e.getMessage());
      }
    }

    /** The fields by name, each read straight from the stream so numbers keep their scale. */
    private Map<String, Object> read(JsonParser in, DeserializationContext context)
        throws IOException {
      String name;
      if (in.isExpectedStartObjectToken()) {
        name = in.nextFieldName();
      } else if (in.currentToken() == JsonToken.FIELD_NAME) {
        name = in.currentName();
      } else {
        return context.reportInputMismatch(AttemptRecord.class, "an attempt is a JSON object");
      }
      Map<String, Object> values = new HashMap<>();
      for (; name != null; name = in.nextFieldName()) {
        JsonToken token = in.nextToken();
        JavaType type = TYPES.get(name);
        if (type == null && DERIVED.contains(name)) {
          in.skipChildren();
        } else if (type == null) {
          return context.reportInputMismatch(
              AttemptRecord.class, "unknown attempt field \"%s\"", name);
        } else if (token == JsonToken.VALUE_NULL
            && (PRIMITIVES.contains(name) || name.equals("passed"))) {
          return context.reportInputMismatch(
              AttemptRecord.class, "attempt field \"%s\" is null", name);
        } else {
          values.put(
              name,
              token == JsonToken.VALUE_NULL
                  ? null
                  : reader(name, type, context).deserialize(in, context));
        }
      }
      return values;
    }

    private JsonDeserializer<Object> reader(
        String name, JavaType type, DeserializationContext context) throws IOException {
      JsonDeserializer<Object> reader = readers.get(name);
      if (reader == null) {
        reader = context.findRootValueDeserializer(type);
        readers.put(name, reader);
      }
      return reader;
    }

    private static Map<String, JavaType> types(TypeFactory types) {
      Map<String, JavaType> byName = new HashMap<>();
      for (String text : List.of("caseId", "error", "artifactsPath")) {
        byName.put(text, types.constructType(String.class));
      }
      for (String number : PRIMITIVES) {
        byName.put(number, types.constructType(Long.class));
      }
      byName.put("passed", types.constructType(Boolean.class));
      byName.put("status", types.constructType(AttemptStatus.class));
      byName.put("checks", types.constructCollectionType(List.class, Check.class));
      byName.put("judgeScore", types.constructType(Integer.class));
      byName.put("toolsUsed", types.constructCollectionType(List.class, String.class));
      byName.put("tokenUsage", types.constructType(TokenUsage.class));
      byName.put("judgeTokenUsage", types.constructType(TokenUsage.class));
      byName.put("costUsd", types.constructType(BigDecimal.class));
      byName.put("judgeCostUsd", types.constructType(BigDecimal.class));
      return Map.copyOf(byName);
    }

    private static Long number(Map<String, Object> values, String name) {
      Object value = values.get(name);
      return value == null ? 0L : (Long) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> values, String name) {
      return (List<T>) values.get(name);
    }
  }
}
