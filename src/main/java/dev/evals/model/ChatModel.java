package dev.evals.model;

/**
 * One provider-neutral chat endpoint. Implementations handle retries, rate limits and usage
 * accounting for their provider; a failure that survives the retries is a {@link
 * ProviderException}.
 */
public interface ChatModel {

  /** Sends one request and returns the model's next turn. */
  ChatResponse chat(ChatRequest request);
}
