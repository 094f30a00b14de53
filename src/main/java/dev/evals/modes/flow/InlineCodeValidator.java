package dev.evals.modes.flow;

/** Checks on the inline code of a flow's steps and agent tools. */
final class InlineCodeValidator {

  static final String LANGUAGES = "inline code is in its Windmill language";
  static final String ENTRY_POINTS = "inline code has a main entry point";
  static final String ARGUMENTS = "step inputs are main parameters";

  private InlineCodeValidator() {}
}
