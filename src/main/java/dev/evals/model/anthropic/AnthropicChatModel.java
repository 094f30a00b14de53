package dev.evals.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.model.ChatModel;
import dev.evals.model.ChatRequest;
import dev.evals.model.ChatResponse;
import dev.evals.model.ProviderAnswer;
import dev.evals.model.http.ProviderHttp;
import okhttp3.Headers;

/** Claude through the Messages API ({@code POST /v1/messages}). */
public final class AnthropicChatModel implements ChatModel {

  private final String modelId;
  private final String url;
  private final Headers headers;
  private final AnthropicRequestSettings settings;
  private final ProviderHttp http;

  public AnthropicChatModel(
      String modelId,
      String baseUrl,
      String apiKey,
      AnthropicRequestSettings settings,
      ProviderHttp http) {
    this.modelId = modelId;
    this.url = stripSlash(baseUrl) + "/v1/messages";
    this.headers =
        new Headers.Builder()
            .add("x-api-key", apiKey)
            .add("anthropic-version", settings.apiVersion())
            .build();
    this.settings = settings;
    this.http = http;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    JsonNode body = http.post(url, headers, AnthropicMapper.request(modelId, request, settings));
    return AnthropicReply.of(
        ProviderAnswer.read(
            http.provider(), "Messages API response", body, MessagesResponse.class));
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "anthropic:" + modelId;
  }
}
