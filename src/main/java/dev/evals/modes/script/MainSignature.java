package dev.evals.modes.script;

import java.util.List;
import java.util.Objects;

/**
 * The arguments a script takes: its {@code main} parameters, or for bash its positional assignments
 * and for SQL its argument comments.
 *
 * @param params in declaration order
 */
public record MainSignature(List<Param> params) {

  public MainSignature {
    params = List.copyOf(params);
  }

  public List<String> names() {
    return params.stream().map(Param::name).toList();
  }

  /**
   * One argument.
   *
   * @param name the parameter name
   * @param type its declared type as written ({@code string}, {@code RT.Stripe}), or null
   */
  public record Param(String name, String type) {
    public Param {
      Objects.requireNonNull(name, "name");
      type = type == null || type.isBlank() ? null : type.trim();
    }
  }
}
