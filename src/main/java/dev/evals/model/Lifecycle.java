package dev.evals.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Where a model is in its provider's lifecycle, as the provider's SDK publishes it.
 *
 * @param deprecated the day the provider deprecated the model, or null when unknown or active
 * @param retires the day requests to the model start failing, or null when none is announced
 * @param replacement the alias to use instead, or null
 */
public record Lifecycle(LocalDate deprecated, LocalDate retires, String replacement) {

  /** A model with no deprecation announced. */
  public static final Lifecycle ACTIVE = new Lifecycle(null, null, null);

  /** The lifecycle stages a run cares about. */
  public enum Status {
    ACTIVE,
    DEPRECATED,
    RETIRED
  }

  /** From {@code models.yaml}, where the dates are ISO {@code yyyy-mm-dd}. */
  @JsonCreator
  static Lifecycle fromYaml(
      @JsonProperty("deprecated") String deprecated,
      @JsonProperty("retires") String retires,
      @JsonProperty("replacement") String replacement) {
    return new Lifecycle(date("deprecated", deprecated), date("retires", retires), replacement);
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " must be a date like 2027-01-14, got '" + value + "'");
    }
  }

  /**
   * The status on that day. A model with a retirement date is deprecated even without a deprecation
   * date: providers announce retirement only for deprecated models.
   */
  public Status status(LocalDate today) {
    if (retires != null && !today.isBefore(retires)) {
      return Status.RETIRED;
    }
    if (retires != null || deprecated != null && !today.isBefore(deprecated)) {
      return Status.DEPRECATED;
    }
    return Status.ACTIVE;
  }

  /** For {@code evals models}: "active", "deprecated, retires 2027-01-14", "retired 2026-11-30". */
  public String describe(LocalDate today) {
    return switch (status(today)) {
      case ACTIVE -> "active";
      case DEPRECATED -> "deprecated" + (retires == null ? "" : ", retires " + retires);
      case RETIRED -> "retired " + retires;
    };
  }
}
