package dev.evals.modes.flow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A JavaScript condition on a step: {@code stop_after_if}, {@code stop_after_all_iters_if} or
 * {@code skip_if}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StepCondition(String expr, @JsonProperty("skip_if_stopped") Boolean skipIfStopped) {}
