package dev.evals.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.model.ChatModel;
import dev.evals.model.ChatRequest;
import dev.evals.model.ChatResponse;
import dev.evals.model.ModelOptions;
import dev.evals.model.ProviderAnswer;
import dev.evals.model.http.ProviderHttp;
import okhttp3.Headers;

/**
 * A model behind a Chat Completions endpoint ({@code POST <base>/chat/completions}): OpenAI itself,
 * DeepSeek, or any OpenAI-compatible server.
 */
public final class OpenAiChatModel implements ChatModel {

  private final String modelId;
  private final String url;
  private final Headers headers;
  private final MaxTokensField maxTokens;
  private final ModelOptions options;
  private final ProviderHttp http;

  /**
   * @param apiKey the bearer token, or null for a server that needs none
   */
  public OpenAiChatModel(
      String modelId,
      String baseUrl,
      String apiKey,
      MaxTokensField maxTokens,
      ModelOptions options,
      ProviderHttp http) {
    this.modelId = modelId;
    this.url = stripSlash(baseUrl) + "/chat/completions";
    Headers.Builder builder = new Headers.Builder();
    if (apiKey != null && !apiKey.isBlank()) {
      builder.add("Authorization", "Bearer " + apiKey);
    }
    this.headers = builder.build();
    this.maxTokens = maxTokens;
    this.options = options;
    this.http = http;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    JsonNode body =
        http.post(url, headers, OpenAiMapper.request(modelId, request, maxTokens, options));
    return OpenAiMapper.response(
        ProviderAnswer.read(
            http.provider(), "Chat Completions response", body, ChatCompletion.class));
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "chat-completions:" + modelId;
  }
}
