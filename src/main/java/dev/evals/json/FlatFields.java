package dev.evals.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The JSON edge of a nested record written as one flat object whose field names and order predate
 * the nesting: the record lists its fields in order, the writer writes each with its type's usual
 * serializer (null as null), and the reader reads each value straight from the stream with its
 * declared type, so numbers keep their exact decimal form.
 */
public final class FlatFields {

  private final Map<String, Object> values = new LinkedHashMap<>();
  private boolean nullsLeftOut;

  /** Leaves null fields out instead of writing them as null (for objects that always did). */
  public FlatFields leavingNullsOut() {
    nullsLeftOut = true;
    return this;
  }

  /** Adds the next field to write. */
  public FlatFields put(String name, Object value) {
    values.put(name, value);
    return this;
  }

  public void write(JsonGenerator gen, SerializerProvider provider) throws IOException {
    for (Map.Entry<String, Object> field : values.entrySet()) {
      if (nullsLeftOut && field.getValue() == null) {
        continue;
      }
      provider.defaultSerializeField(field.getKey(), field.getValue(), gen);
    }
  }

  /**
   * Reads one object: each known field with its type, the {@code skipped} ones passed over, any
   * other an error (as everywhere else in our JSON). Absent fields are absent from the map.
   */
  public static Map<String, Object> read(
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

  /**
   * Builds the record from the fields read, turning a refusal of its constructor (a required field
   * missing) into a mapping error, so the file's reader reports it as bad input in one line.
   */
  public static <T> T build(JsonParser p, Class<T> target, Supplier<T> constructor)
      throws JsonMappingException {
    try {
      return constructor.get();
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw JsonMappingException.from(
          p, "cannot read " + target.getSimpleName() + " (" + why + " missing or invalid)", e);
    }
  }

  /** A whole number read by {@link #read}, 0 when absent as for any missing primitive. */
  public static long number(Map<String, Object> read, String name) {
    Object value = read.get(name);
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** A fraction read by {@link #read}, 0 when absent. */
  public static double fraction(Map<String, Object> read, String name) {
    Object value = read.get(name);
    return value == null ? 0 : ((Number) value).doubleValue();
  }

  /** A value read by {@link #read}, or null when absent. */
  @SuppressWarnings("unchecked")
  public static <T> T value(Map<String, Object> read, String name) {
    return (T) read.get(name);
  }
}
