package dev.evals.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A registered model.
 *
 * @param alias the short name users type ({@code opus})
 * @param label a human-readable name
 * @param provider the API family
 * @param modelId the provider's model id
 * @param spellings other accepted names, matched case-insensitively
 * @param price list prices per million tokens, cache writes and reads included
 * @param agentCommand the coding-agent command template for cli mode, or null
 */
public record ModelSpec(
    String alias,
    String label,
    Provider provider,
    String modelId,
    List<String> spellings,
    Price price,
    String agentCommand) {

  public ModelSpec {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(modelId, "modelId");
    label = Objects.requireNonNullElse(label, alias);
    spellings = spellings == null ? List.of() : List.copyOf(spellings);
    price = Objects.requireNonNullElse(price, Price.FREE);
  }

  /** What the given usage costs at this model's prices, in US dollars. */
  public BigDecimal cost(TokenUsage usage) {
    return price.cost(usage);
  }

  /** Whether this is the offline reference model. */
  public boolean isReference() {
    return provider == Provider.REFERENCE;
  }
}
