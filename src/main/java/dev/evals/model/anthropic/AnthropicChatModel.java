package dev.evals.model.anthropic;

import dev.evals.model.ChatModel;
import dev.evals.model.ChatRequest;
import dev.evals.model.ChatResponse;
import dev.evals.model.http.ProviderHttp;
import okhttp3.Headers;

/** Claude through the Messages API ({@code POST /v1/messages}). */
public final class AnthropicChatModel implements ChatModel {

  static final String API_VERSION = "2023-06-01";

  private final String modelId;
  private final String url;
  private final Headers headers;
  private final ProviderHttp http;

  public AnthropicChatModel(String modelId, String baseUrl, String apiKey, ProviderHttp http) {
    this.modelId = modelId;
    this.url = stripSlash(baseUrl) + "/v1/messages";
    this.headers =
        new Headers.Builder()
            .add("x-api-key", apiKey)
            .add("anthropic-version", API_VERSION)
            .build();
    this.http = http;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    return AnthropicMapper.response(
        http.post(url, headers, AnthropicMapper.request(modelId, request)));
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "anthropic:" + modelId;
  }
}
