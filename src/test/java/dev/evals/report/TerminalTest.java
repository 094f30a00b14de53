package dev.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {

  @Test
  void takesTheWidthFromColumnsBeforeAskingTheTerminal() {
    Terminal terminal = Terminal.of(true, true, Map.of("COLUMNS", "132"), () -> 90);

    assertThat(terminal.columns()).isEqualTo(132);
  }

  @Test
  void asksTheTerminalForItsWidthWhenColumnsIsNotSet() {
    assertThat(Terminal.of(true, true, Map.of(), () -> 90).columns()).isEqualTo(90);
    assertThat(Terminal.of(true, true, Map.of("COLUMNS", "wide"), () -> 0).columns())
        .isEqualTo(Terminal.DEFAULT_COLUMNS);
  }

  @Test
  void coloursOnlyAStreamThatIsATerminal() {
    Terminal errOnly = Terminal.of(true, false, Map.of(), () -> 80);

    assertThat(errOnly.errColours()).isEqualTo(Colours.ANSI);
    assertThat(errOnly.outColours()).isEqualTo(Colours.PLAIN);
  }

  @Test
  void noColorOfAnyValueTurnsColourOff() {
    Terminal terminal = Terminal.of(true, true, Map.of("NO_COLOR", ""), () -> 80);

    assertThat(terminal.errColours()).isEqualTo(Colours.PLAIN);
    assertThat(terminal.outColours()).isEqualTo(Colours.PLAIN);
    assertThat(terminal.errIsTerminal()).isTrue();
  }

  @Test
  void ciDrawsNoProgressLineEvenOnATerminal() {
    assertThat(Terminal.of(true, true, Map.of("CI", "true"), () -> 80)).isEqualTo(Terminal.NONE);
  }

  @Test
  void noColorFlagKeepsTheStreamsButDropsTheColour() {
    Terminal plain = new Terminal(true, true, 100, true).withoutColour();

    assertThat(plain).isEqualTo(new Terminal(true, true, 100, false));
  }
}
