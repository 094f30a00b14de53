package dev.evals.model.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.model.ChatMessage;
import dev.evals.model.ChatModel;
import dev.evals.model.ChatRequest;
import dev.evals.model.ChatResponse;
import dev.evals.model.ModelOptions;
import dev.evals.model.ProviderAnswer;
import dev.evals.model.http.ProviderHttp;
import okhttp3.Headers;

/** Gemini through {@code POST /v1beta/models/<model>:generateContent}. */
public final class GeminiChatModel implements ChatModel {

  private final String modelId;
  private final String url;
  private final Headers headers;
  private final ModelOptions options;
  private final ProviderHttp http;

  public GeminiChatModel(
      String modelId, String baseUrl, String apiKey, ModelOptions options, ProviderHttp http) {
    this.modelId = modelId;
    this.url = stripSlash(baseUrl) + "/v1beta/models/" + modelId + ":generateContent";
    this.headers = new Headers.Builder().add("x-goog-api-key", apiKey).build();
    this.options = options;
    this.http = http;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    // Gemini has no call ids; numbering calls by model turn keeps them stable across requests.
    int turn =
        1
            + (int)
                request.messages().stream().filter(ChatMessage.Assistant.class::isInstance).count();
    JsonNode body = http.post(url, headers, GeminiMapper.request(request, options));
    return GeminiMapper.response(
        ProviderAnswer.read(
            http.provider(), "generateContent response", body, GenerateContentResponse.class),
        turn);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "gemini:" + modelId;
  }
}
