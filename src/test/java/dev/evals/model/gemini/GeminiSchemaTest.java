package dev.evals.model.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import org.junit.jupiter.api.Test;

class GeminiSchemaTest {

  private static JsonNode json(String text) throws Exception {
    return Mappers.json().readTree(text);
  }

  @Test
  void dropsKeysGeminiRejectsAtEveryLevel() throws Exception {
    JsonNode schema =
        json(
            """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
             "additionalProperties": false,
             "properties": {
               "steps": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                 "$comment": "x", "properties": {"id": {"type": "string", "const": "a"}}}}},
             "required": ["steps"]}
            """);

    assertThat(GeminiSchema.of(schema))
        .isEqualTo(
            json(
                """
                {"type": "object",
                 "properties": {"steps": {"type": "array", "items": {"type": "object",
                   "properties": {"id": {"type": "string"}}}}},
                 "required": ["steps"]}
                """));
  }

  @Test
  void keepsPropertiesNamedLikeRejectedKeys() throws Exception {
    JsonNode schema =
        json("{\"type\": \"object\", \"properties\": {\"$schema\": {\"type\": \"string\"}}}");

    assertThat(GeminiSchema.of(schema).path("properties").has("$schema")).isTrue();
  }

  @Test
  void turnsATypeListIntoANullableType() throws Exception {
    assertThat(GeminiSchema.of(json("{\"type\": [\"string\", \"null\"]}")))
        .isEqualTo(json("{\"type\": \"string\", \"nullable\": true}"));
  }

  @Test
  void turnsOneOfIntoAnyOf() throws Exception {
    assertThat(GeminiSchema.of(json("{\"oneOf\": [{\"type\": \"string\", \"$id\": \"s\"}]}")))
        .isEqualTo(json("{\"anyOf\": [{\"type\": \"string\"}]}"));
  }
}
