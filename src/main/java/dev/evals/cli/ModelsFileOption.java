package dev.evals.cli;

import dev.evals.json.Mappers;
import dev.evals.model.ModelRegistry;
import dev.evals.suite.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --models-file}: models laid over the built-in {@code models.yaml}; by default the cases
 * root's {@code models.yaml}, when there is one. New aliases, ids and prices need no rebuild.
 */
final class ModelsFileOption {

  static final String FILE_NAME = "models.yaml";

  @Option(
      names = "--models-file",
      paramLabel = "<file>",
      description =
          "Models (alias, provider, modelId, price) over the built-in ones; an entry with a known"
              + " alias replaces it (default: models.yaml in the cases root, when present).")
  Path modelsFile;

  ModelRegistry registry(CliContext context, Path casesRoot) {
    ModelRegistry builtIn = ModelRegistry.builtIn(Mappers.yaml());
    if (modelsFile != null) {
      Path file = context.workDir().resolve(modelsFile);
      if (!Files.isRegularFile(file)) {
        throw new UsageException("--models-file: no such file: " + modelsFile);
      }
      return builtIn.overlaidWith(Mappers.yaml(), file, modelsFile.toString());
    }
    Path inRoot = casesRoot.resolve(FILE_NAME);
    if (!Files.isRegularFile(inRoot)) {
      return builtIn;
    }
    return builtIn.overlaidWith(Mappers.yaml(), inRoot, shown(context, inRoot));
  }

  private static String shown(CliContext context, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path base = context.workDir().toAbsolutePath().normalize();
    return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString();
  }
}
