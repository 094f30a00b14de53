package dev.evals.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The one JSON mapper and the one YAML mapper, configured alike. */
public final class Mappers {

  private static final ObjectMapper JSON = configure(JsonMapper.builder()).build();
  private static final ObjectMapper YAML = configure(YAMLMapper.builder()).build();

  private Mappers() {}

  /**
   * JSON: indented output, stable field order, nulls omitted, unknown properties and duplicate keys
   * rejected.
   */
  public static ObjectMapper json() {
    return JSON;
  }

  /** YAML for case files and the model registry, with the same rules as {@link #json()}. */
  public static ObjectMapper yaml() {
    return YAML;
  }

  private static <
          M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>>
      B configure(B builder) {
    return builder
        // A key given twice in a case file or run.json is a mistake, not "the last one wins".
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .serializationInclusion(JsonInclude.Include.NON_NULL);
  }
}
