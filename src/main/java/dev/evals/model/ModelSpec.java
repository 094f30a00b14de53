package dev.evals.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * @param inputUsdPerMillion price of a million prompt tokens
 * @param outputUsdPerMillion price of a million completion tokens
 * @param agentCommand the coding-agent command template for cli mode, or null
 */
public record ModelSpec(
    String alias,
    String label,
    Provider provider,
    String modelId,
    List<String> spellings,
    BigDecimal inputUsdPerMillion,
    BigDecimal outputUsdPerMillion,
    String agentCommand) {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  public ModelSpec {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(modelId, "modelId");
    label = Objects.requireNonNullElse(label, alias);
    spellings = spellings == null ? List.of() : List.copyOf(spellings);
    inputUsdPerMillion = Objects.requireNonNullElse(inputUsdPerMillion, BigDecimal.ZERO);
    outputUsdPerMillion = Objects.requireNonNullElse(outputUsdPerMillion, BigDecimal.ZERO);
  }

  /** What the given usage costs at this model's prices, in US dollars. */
  public BigDecimal cost(TokenUsage usage) {
    BigDecimal input = inputUsdPerMillion.multiply(BigDecimal.valueOf(usage.prompt()));
    BigDecimal output = outputUsdPerMillion.multiply(BigDecimal.valueOf(usage.completion()));
    return input.add(output).divide(MILLION, 6, RoundingMode.HALF_UP);
  }

  /** Whether this is the offline reference model. */
  public boolean isReference() {
    return provider == Provider.REFERENCE;
  }
}
