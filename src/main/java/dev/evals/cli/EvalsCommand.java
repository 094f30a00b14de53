package dev.evals.cli;

import picocli.CommandLine.Command;

/** The top command: {@code evals models | cases | run | report | compare | rescore}. */
@Command(
    name = "evals",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.class,
    header = "Benchmark how well LLMs build Windmill flows, scripts, apps and CLI workspaces.",
    description = {
      "Runs YAML cases (cases/<mode>.yaml, fixtures/) against a model through the mode's tools,"
          + " checks what it built with deterministic validators and an LLM judge, and writes a"
          + " summary, per-attempt artifacts and history lines.",
      "",
      "Example: evals run flow --model reference"
    },
    subcommands = {
      ModelsCommand.class,
      CasesCommand.class,
      RunCommand.class,
      ReportCommand.class,
      CompareCommand.class,
      RescoreCommand.class,
      MutateCommand.class,
      HistoryCommand.class
    })
public final class EvalsCommand {}
