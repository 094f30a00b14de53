package dev.evals.backend;

import dev.evals.config.Secrets;
import java.util.ArrayList;
import java.util.List;

/** Masks the run's secrets, the Windmill password and every session token in written text. */
final class Redaction {

  private final Secrets secrets;
  private final String password;
  private final TokenCache tokens;

  Redaction(Secrets secrets, String password, TokenCache tokens) {
    this.secrets = secrets;
    this.password = password;
    this.tokens = tokens;
  }

  String apply(String text) {
    List<String> values = new ArrayList<>(tokens.issued());
    values.add(password);
    return new Secrets(values).redact(secrets.redact(text));
  }
}
