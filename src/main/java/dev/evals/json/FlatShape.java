package dev.evals.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one declaration of a flat JSON object's fields: these names, in this order, each with the
 * type it is read as and the part of the record it is written from. {@link FlatFields} writes and
 * reads what a shape declares, so the writer's order and the reader's types cannot drift apart.
 *
 * @param <T> the record written
 */
public final class FlatShape<T> {

  private record Field<T>(
      String name, Function<TypeFactory, JavaType> type, Function<T, ?> value) {}

  private final Class<T> target;
  private final List<Field<T>> fields = new ArrayList<>();

  private FlatShape(Class<T> target) {
    this.target = target;
  }

  /** An empty shape of {@code target}, which names it in reading errors. */
  public static <T> FlatShape<T> of(Class<T> target) {
    return new FlatShape<>(target);
  }

  /** The next field, read as {@code type}. */
  public FlatShape<T> field(String name, Class<?> type, Function<T, ?> value) {
    return field(name, types -> types.constructType(type), value);
  }

  /** The next field, a list of {@code element}. */
  public FlatShape<T> listOf(String name, Class<?> element, Function<T, ?> value) {
    return field(name, types -> types.constructCollectionType(List.class, element), value);
  }

  /** The next field, of a type built from the type factory (a map, a nested generic). */
  public FlatShape<T> field(
      String name, Function<TypeFactory, JavaType> type, Function<T, ?> value) {
    fields.add(new Field<>(name, type, value));
    return this;
  }

  /** The fields of {@code value}, in order, to write (nulls included unless left out). */
  public FlatFields of(T value) {
    FlatFields flat = new FlatFields();
    for (Field<T> field : fields) {
      flat.put(field.name(), field.value().apply(value));
    }
    return flat;
  }

  /** Writes the fields of {@code value}, in order, null as null. */
  public void write(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
    of(value).write(gen, provider);
  }

  /**
   * Reads one object of this shape and of {@code more} (fields written around something else), the
   * {@code skipped} names passed over, any other name an error.
   */
  @SafeVarargs
  public final Map<String, Object> read(
      JsonParser p, DeserializationContext ctxt, Set<String> skipped, FlatShape<T>... more)
      throws IOException {
    Map<String, JavaType> types = new LinkedHashMap<>();
    TypeFactory factory = ctxt.getTypeFactory();
    List<FlatShape<T>> shapes = new ArrayList<>(List.of(more));
    shapes.add(0, this);
    for (FlatShape<T> shape : shapes) {
      shape.fields.forEach(field -> types.put(field.name(), field.type().apply(factory)));
    }
    return FlatFields.read(p, ctxt, target, types, skipped);
  }
}
