package dev.evals.cli;

import dev.evals.judge.JudgeSettings;
import dev.evals.suite.UsageException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The judge options of {@code run}. */
final class JudgeOptions {

  @Option(
      names = "--judge",
      paramLabel = "on|off",
      description = "Turn the LLM judge off (default: on, except for the reference model).")
  String judge;

  @Option(names = "--skip-judge", description = "Windmill's spelling of --judge off.")
  boolean skipJudge;

  @Option(
      names = "--judge-model",
      paramLabel = "<alias>",
      description = "Judge model (default: sonnet).")
  String judgeModel;

  @Option(
      names = "--judge-threshold",
      paramLabel = "<0-100>",
      description = "Lowest passing judge score (default: 80).")
  Integer judgeThreshold;

  @Option(
      names = "--judge-samples",
      paramLabel = "<n>",
      description = "Ask the judge n times and use the median (default: 1).")
  Integer judgeSamples;

  /** Whether the judge is off, from these options and {@code --execution-only}, which runs none. */
  boolean off(boolean executionOnly) {
    if (judge != null && !judge.equals("on") && !judge.equals("off")) {
      throw new UsageException("--judge must be on or off, got '" + judge + "'");
    }
    if (skipJudge && "on".equals(judge)) {
      throw new UsageException("--skip-judge and --judge on contradict each other");
    }
    if (executionOnly && (judgeModel != null || "on".equals(judge))) {
      throw new UsageException(
          "--execution-only runs no judge: drop "
              + (judgeModel != null ? "--judge-model" : "--judge on"));
    }
    boolean off = executionOnly || skipJudge || "off".equals(judge);
    if (off && judgeModel != null) {
      throw new UsageException(
          (skipJudge ? "--skip-judge" : "--judge off")
              + " and --judge-model contradict each other");
    }
    return off;
  }

  int threshold() {
    return judgeThreshold == null ? JudgeSettings.DEFAULT_THRESHOLD : judgeThreshold;
  }

  int samples() {
    return judgeSamples == null ? JudgeSettings.DEFAULT_SAMPLES : judgeSamples;
  }

  /** The options the user gave, by flag. */
  List<String> given() {
    List<String> given = new ArrayList<>();
    if (judge != null) {
      given.add("--judge");
    }
    if (skipJudge) {
      given.add("--skip-judge");
    }
    if (judgeModel != null) {
      given.add("--judge-model");
    }
    if (judgeThreshold != null) {
      given.add("--judge-threshold");
    }
    if (judgeSamples != null) {
      given.add("--judge-samples");
    }
    return given;
  }
}
