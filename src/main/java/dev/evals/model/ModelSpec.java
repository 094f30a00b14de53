package dev.evals.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * @param lifecycle deprecation and retirement as the provider announced them
 * @param options request settings (sampling, reasoning) sent with every request
 */
public record ModelSpec(
    String alias,
    String label,
    Provider provider,
    String modelId,
    List<String> spellings,
    Price price,
    String agentCommand,
    Lifecycle lifecycle,
    ModelOptions options) {

  public ModelSpec {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(modelId, "modelId");
    label = Objects.requireNonNullElse(label, alias);
    spellings = spellings == null ? List.of() : List.copyOf(spellings);
    price = Objects.requireNonNullElse(price, Price.FREE);
    lifecycle = Objects.requireNonNullElse(lifecycle, Lifecycle.ACTIVE);
    options = Objects.requireNonNullElse(options, ModelOptions.NONE);
  }

  /** An active model without options. */
  public ModelSpec(
      String alias,
      String label,
      Provider provider,
      String modelId,
      List<String> spellings,
      Price price,
      String agentCommand) {
    this(alias, label, provider, modelId, spellings, price, agentCommand, null, null);
  }

  /** The same model with these options over its registered ones. */
  public ModelSpec withOptions(Map<String, String> overrides) {
    if (overrides.isEmpty()) {
      return this;
    }
    return new ModelSpec(
        alias,
        label,
        provider,
        modelId,
        spellings,
        price,
        agentCommand,
        lifecycle,
        options.with(overrides));
  }

  /**
   * A one-line warning when the model is deprecated on that day, empty when it is active.
   *
   * @throws RetiredModelException when the model is retired, naming the replacement
   */
  public Optional<String> lifecycleWarning(LocalDate today) {
    String instead =
        lifecycle.replacement() == null ? "" : "; use " + lifecycle.replacement() + " instead";
    return switch (lifecycle.status(today)) {
      case ACTIVE -> Optional.empty();
      case DEPRECATED ->
          Optional.of(
              "warning: "
                  + alias
                  + " ("
                  + modelId
                  + ") is deprecated"
                  + (lifecycle.retires() == null ? "" : " and retires " + lifecycle.retires())
                  + instead);
      case RETIRED ->
          throw new RetiredModelException(
              alias + " (" + modelId + ") retired on " + lifecycle.retires() + instead);
    };
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
