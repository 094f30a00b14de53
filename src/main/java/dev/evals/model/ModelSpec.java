package dev.evals.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered model. {@code models.yaml} spells it flat; {@link #fromYaml} is that mapping.
 *
 * @param names what users call the model
 * @param provider the API family
 * @param modelId the provider's model id
 * @param price list prices per million tokens, cache writes and reads included
 * @param agentCommand the coding-agent command template for cli mode, or null
 * @param lifecycle deprecation and retirement as the provider announced them
 * @param options request settings (sampling, reasoning) sent with every request
 */
public record ModelSpec(
    Names names,
    Provider provider,
    String modelId,
    Price price,
    String agentCommand,
    Lifecycle lifecycle,
    ModelOptions options) {

  public ModelSpec {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(modelId, "modelId");
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
    this(new Names(alias, label, spellings), provider, modelId, price, agentCommand, null, null);
  }

  /** An entry of {@code models.yaml}, whose keys are flat. */
  @JsonCreator
  static ModelSpec fromYaml(
      @JsonProperty("alias") String alias,
      @JsonProperty("label") String label,
      @JsonProperty("provider") Provider provider,
      @JsonProperty("modelId") String modelId,
      @JsonProperty("spellings") List<String> spellings,
      @JsonProperty("price") Price price,
      @JsonProperty("agentCommand") String agentCommand,
      @JsonProperty("lifecycle") Lifecycle lifecycle,
      @JsonProperty("options") ModelOptions options) {
    return new ModelSpec(
        new Names(alias, label, spellings),
        provider,
        modelId,
        price,
        agentCommand,
        lifecycle,
        options);
  }

  /**
   * What users call a model.
   *
   * @param alias the short name users type ({@code opus})
   * @param label a human-readable name, the alias when not given
   * @param spellings other accepted names, matched case-insensitively
   */
  public record Names(String alias, String label, List<String> spellings) {
    public Names {
      Objects.requireNonNull(alias, "alias");
      label = Objects.requireNonNullElse(label, alias);
      spellings = spellings == null ? List.of() : List.copyOf(spellings);
    }
  }

  /** The short name users type ({@code opus}). */
  public String alias() {
    return names.alias();
  }

  /** A human-readable name. */
  public String label() {
    return names.label();
  }

  /** Other accepted names, matched case-insensitively. */
  public List<String> spellings() {
    return names.spellings();
  }

  /** The same model with these options over its registered ones. */
  public ModelSpec withOptions(Map<String, String> overrides) {
    if (overrides.isEmpty()) {
      return this;
    }
    return new ModelSpec(
        names, provider, modelId, price, agentCommand, lifecycle, options.with(overrides));
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
                  + alias()
                  + " ("
                  + modelId
                  + ") is deprecated"
                  + (lifecycle.retires() == null ? "" : " and retires " + lifecycle.retires())
                  + instead);
      case RETIRED ->
          throw new RetiredModelException(
              alias() + " (" + modelId + ") retired on " + lifecycle.retires() + instead);
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
