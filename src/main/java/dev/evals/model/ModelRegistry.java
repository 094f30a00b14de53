package dev.evals.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.evals.naming.ClosestMatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The models a run may use: the aliases of {@code models.yaml}, plus raw {@code provider:model-id}
 * names for models without an alias.
 */
public final class ModelRegistry {

  public static final String DEFAULT_MODEL = "haiku";
  public static final String DEFAULT_JUDGE_MODEL = "sonnet";

  private final List<ModelSpec> models;

  public ModelRegistry(List<ModelSpec> models) {
    this.models = List.copyOf(models);
  }

  /** The registry shipped in the jar. */
  public static ModelRegistry builtIn(ObjectMapper yaml) {
    try (InputStream in = ModelRegistry.class.getResourceAsStream("/models.yaml")) {
      return new ModelRegistry(yaml.readValue(in, new TypeReference<List<ModelSpec>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in models.yaml", e);
    }
  }

  /**
   * This registry with the entries of a {@code models.yaml} laid over it: an entry whose alias is
   * already registered (case-insensitively) replaces it, any other is added, so new aliases, ids
   * and prices need no rebuild.
   *
   * @param shown the file as named in error messages
   * @throws ModelFileException naming the file and line of the first bad entry
   */
  public ModelRegistry overlaidWith(ObjectMapper yaml, Path file, String shown) {
    List<ModelSpec> overlay;
    try (InputStream in = Files.newInputStream(file)) {
      if (onlyComments(file)) {
        return this;
      }
      overlay = yaml.readValue(in, new TypeReference<List<ModelSpec>>() {});
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      String message =
          e instanceof ValueInstantiationException && e.getCause() instanceof NullPointerException
              ? "an entry ending here has no " + e.getCause().getMessage()
              : e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
      throw new ModelFileException(shown, line, message.lines().findFirst().orElse(message));
    } catch (IOException e) {
      throw new ModelFileException(shown, 1, "cannot be read: " + e.getMessage());
    }
    if (overlay == null) {
      return this;
    }
    List<ModelSpec> merged = new ArrayList<>(models);
    for (ModelSpec entry : overlay) {
      int same = indexOfAlias(merged, entry.alias());
      if (same >= 0) {
        merged.set(same, entry);
      } else {
        merged.add(entry);
      }
    }
    return new ModelRegistry(merged);
  }

  private static boolean onlyComments(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(String::strip)
        .allMatch(line -> line.isEmpty() || line.startsWith("#"));
  }

  private static int indexOfAlias(List<ModelSpec> models, String alias) {
    for (int i = 0; i < models.size(); i++) {
      if (models.get(i).alias().equalsIgnoreCase(alias)) {
        return i;
      }
    }
    return -1;
  }

  public List<ModelSpec> all() {
    return models;
  }

  /**
   * The model a user named: an alias or spelling (case-insensitive), or {@code provider:id} for a
   * model without an alias (priced at zero, since its price is unknown).
   */
  public ModelSpec resolve(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    Optional<ModelSpec> registered = models.stream().filter(m -> matches(m, wanted)).findFirst();
    if (registered.isPresent()) {
      return registered.get();
    }
    int colon = name.indexOf(':');
    if (colon > 0 && colon < name.length() - 1) {
      return raw(name.substring(0, colon), name.substring(colon + 1).trim());
    }
    throw new UnknownModelException(
        "unknown model '"
            + name
            + "'"
            + ClosestMatch.hint(allNames(), name)
            + "; known models: "
            + String.join(", ", models.stream().map(ModelSpec::alias).toList())
            + ", or provider:model-id (anthropic, openai, gemini, openai-compatible, deepseek)");
  }

  private ModelSpec raw(String providerId, String modelId) {
    Provider provider;
    try {
      provider = Provider.fromId(providerId.trim());
    } catch (IllegalArgumentException e) {
      throw new UnknownModelException(
          "unknown provider '"
              + providerId
              + "' in model name; use anthropic, openai, gemini, openai-compatible or deepseek");
    }
    if (provider == Provider.REFERENCE) {
      throw new UnknownModelException("use --model reference for the reference model");
    }
    return models.stream()
        .filter(m -> m.provider() == provider && m.modelId().equalsIgnoreCase(modelId))
        .findFirst()
        .orElseGet(
            () ->
                new ModelSpec(
                    provider.id() + ":" + modelId,
                    modelId,
                    provider,
                    modelId,
                    List.of(),
                    Price.FREE,
                    null));
  }

  private static boolean matches(ModelSpec model, String wanted) {
    if (model.alias().toLowerCase(Locale.ROOT).equals(wanted)) {
      return true;
    }
    return model.spellings().stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).equals(wanted));
  }

  private List<String> allNames() {
    List<String> names = new ArrayList<>();
    for (ModelSpec model : models) {
      names.add(model.alias());
      names.addAll(model.spellings());
    }
    return names;
  }
}
