package dev.evals.report;

import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What the two output streams are connected to, decided once per process and injected, so tests
 * choose a terminal's width and colour.
 *
 * @param errIsTerminal whether stderr is a terminal: only then the progress line is drawn
 * @param outIsTerminal whether stdout is a terminal
 * @param columns the terminal's width, which the progress line never exceeds
 * @param colour whether colour is wanted at all ({@code NO_COLOR} and {@code --no-color} say no)
 */
public record Terminal(boolean errIsTerminal, boolean outIsTerminal, int columns, boolean colour) {

  /** Width assumed when neither {@code COLUMNS} nor the terminal tells. */
  public static final int DEFAULT_COLUMNS = 80;

  /** Neither stream is a terminal: plain lines, no escape sequences (CI, files, pipes). */
  public static final Terminal NONE = new Terminal(false, false, DEFAULT_COLUMNS, false);

  public Terminal {
    if (columns < 1) {
      throw new IllegalArgumentException("columns must be positive, got " + columns);
    }
  }

  /**
   * The terminal as the environment describes it: {@code CI} means neither stream is drawn on,
   * {@code NO_COLOR} (any value) turns colour off, {@code COLUMNS} wins over the width the terminal
   * reports (asked only when stderr is a terminal; 0 when it cannot say).
   */
  public static Terminal of(
      boolean errIsTerminal,
      boolean outIsTerminal,
      Map<String, String> environment,
      IntSupplier terminalColumns) {
    if (environment.get("CI") != null) {
      return NONE;
    }
    boolean colour = environment.get("NO_COLOR") == null;
    int columns = DEFAULT_COLUMNS;
    Integer fromVariable = positive(environment.get("COLUMNS"));
    if (fromVariable != null) {
      columns = fromVariable;
    } else if (errIsTerminal) {
      int reported = terminalColumns.getAsInt();
      columns = reported > 0 ? reported : DEFAULT_COLUMNS;
    }
    return new Terminal(errIsTerminal, outIsTerminal, columns, colour);
  }

  /** The same streams without colour ({@code --no-color}). */
  public Terminal withoutColour() {
    return new Terminal(errIsTerminal, outIsTerminal, columns, false);
  }

  /** Colour on stderr: wanted, and stderr is a terminal. */
  public Colours errColours() {
    return colour && errIsTerminal ? Colours.ANSI : Colours.PLAIN;
  }

  /** Colour on stdout: wanted, and stdout is a terminal. */
  public Colours outColours() {
    return colour && outIsTerminal ? Colours.ANSI : Colours.PLAIN;
  }

  private static Integer positive(String value) {
    if (value == null) {
      return null;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      return parsed > 0 ? parsed : null;
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
