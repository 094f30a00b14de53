package dev.evals.report.stats;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A confidence interval of a rate, written as {@code [low, high]}.
 *
 * @param low lower bound in 0..1
 * @param high upper bound in 0..1
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"low", "high"})
public record Interval(double low, double high) {

  public Interval {
    if (low > high) {
      throw new IllegalArgumentException("low " + low + " above high " + high);
    }
  }
}
