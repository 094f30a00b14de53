package dev.evals.modes.script;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The script languages Windmill runs, by Windmill's own names, with what the checks need. */
public enum ScriptLanguage {
  BUN("bun", "ts", Family.TYPESCRIPT),
  BUNNATIVE("bunnative", "ts", Family.TYPESCRIPT),
  DENO("deno", "ts", Family.TYPESCRIPT),
  NATIVETS("nativets", "ts", Family.TYPESCRIPT),
  PYTHON3("python3", "py", Family.PYTHON),
  GO("go", "go", Family.GO),
  BASH("bash", "sh", Family.SHELL),
  POWERSHELL("powershell", "ps1", Family.POWERSHELL),
  POSTGRESQL("postgresql", "sql", Family.SQL),
  MYSQL("mysql", "sql", Family.SQL),
  MSSQL("mssql", "sql", Family.SQL),
  BIGQUERY("bigquery", "sql", Family.SQL),
  SNOWFLAKE("snowflake", "sql", Family.SQL);

  /** Languages that share an entry-point shape and a lexical syntax. */
  public enum Family {
    TYPESCRIPT,
    PYTHON,
    GO,
    SHELL,
    POWERSHELL,
    SQL
  }

  private final String windmillName;
  private final String extension;
  private final Family family;

  ScriptLanguage(String windmillName, String extension, Family family) {
    this.windmillName = windmillName;
    this.extension = extension;
    this.family = family;
  }

  /** The name Windmill uses ({@code bun}, {@code python3}, ...). */
  public String windmillName() {
    return windmillName;
  }

  /** The script file's extension, without the dot. */
  public String extension() {
    return extension;
  }

  public Family family() {
    return family;
  }

  /** Whether the script needs a {@code main} function (bash and SQL take their arguments). */
  public boolean needsMain() {
    return family != Family.SHELL && family != Family.SQL && family != Family.POWERSHELL;
  }

  /** The language of that Windmill name, ignoring case. */
  public static Optional<ScriptLanguage> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(l -> l.windmillName.equals(wanted)).findFirst();
  }

  /** Every Windmill name, for messages. */
  public static List<String> names() {
    return Arrays.stream(values()).map(ScriptLanguage::windmillName).toList();
  }
}
