package dev.evals.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JSON edge of a nested record written as one flat object whose field names and order predate
 * the nesting: the record lists its fields in order, the writer writes each with its type's usual
 * serializer (null as null), and the reader reads each value straight from the stream with its
 * declared type, so numbers keep their exact decimal form.
 */
final class FlatFields {

  private final Map<String, Object> values = new LinkedHashMap<>();

  /** Adds the next field to write. */
  FlatFields put(String name, Object value) {
    values.put(name, value);
    return this;
  }

  void write(JsonGenerator gen, SerializerProvider provider) throws IOException {
    for (Map.Entry<String, Object> field : values.entrySet()) {
      provider.defaultSerializeField(field.getKey(), field.getValue(), gen);
    }
  }

  /**
   * Reads one object: each known field with its type, the {@code skipped} ones passed over, any
   * other an error (as everywhere else in our JSON). Absent fields are absent from the map.
   */
  static Map<String, Object> read(
      JsonParser p,
      DeserializationContext ctxt,
      Class<?> target,
      Map<String, JavaType> types,
      Set<String> skipped)
      throws IOException {
    if (p.currentToken() == JsonToken.START_OBJECT) {
      p.nextToken();
    }
    Map<String, Object> read = new HashMap<>();
    for (; p.currentToken() == JsonToken.FIELD_NAME; p.nextToken()) {
      String name = p.currentName();
      p.nextToken();
      JavaType type = types.get(name);
      if (type != null) {
        boolean nullObject = p.currentToken() == JsonToken.VALUE_NULL && !type.isPrimitive();
        read.put(name, nullObject ? null : ctxt.readValue(p, type));
      } else if (skipped.contains(name)) {
        p.skipChildren();
      } else {
        throw UnrecognizedPropertyException.from(
            p, target, name, types.keySet().stream().map(Object.class::cast).toList());
      }
    }
    return read;
  }

  /** A whole number read by {@link #read}, 0 when absent as for any missing primitive. */
  static long number(Map<String, Object> read, String name) {
    Object value = read.get(name);
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** A fraction read by {@link #read}, 0 when absent. */
  static double fraction(Map<String, Object> read, String name) {
    Object value = read.get(name);
    return value == null ? 0 : ((Number) value).doubleValue();
  }

  /** A value read by {@link #read}, or null when absent. */
  @SuppressWarnings("unchecked")
  static <T> T value(Map<String, Object> read, String name) {
    return (T) read.get(name);
  }
}
