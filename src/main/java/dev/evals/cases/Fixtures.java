package dev.evals.cases;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the fixtures a case names, relative to the cases root. A path may never leave the root
 * (symlinks included). Windmill writes fixture paths relative to its repository root ({@code
 * ai_evals/fixtures/...}); such a path is accepted when it starts with the root's own folder name
 * and resolves against the root's parent.
 */
public final class Fixtures {

  private final Path root;

  public Fixtures(Path casesRoot) {
    this.root = casesRoot.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The existing file or folder a case field names, or a case-file error at that field. */
  public Path resolve(CaseDefinition definition, String field, String relative) {
    Path given = Path.of(relative);
    if (given.isAbsolute()) {
      throw definition.error(field, field + " must be relative to the cases root: " + relative);
    }
    Path candidate = root.resolve(given).normalize();
    Path boundary = root;
    if (!Files.exists(candidate) && startsWithRootName(given) && root.getParent() != null) {
      boundary = root.getParent();
      candidate = boundary.resolve(given).normalize();
    }
    if (!candidate.startsWith(boundary)) {
      throw definition.error(field, field + " escapes the cases root: " + relative);
    }
    if (!Files.exists(candidate)) {
      throw definition.error(field, field + " fixture not found: " + relative);
    }
    try {
      if (!candidate.toRealPath().startsWith(boundary.toRealPath())) {
        throw definition.error(
            field, field + " escapes the cases root through a link: " + relative);
      }
      return candidate;
    } catch (IOException e) {
      throw definition.error(field, field + " cannot be read: " + relative);
    }
  }

  /** The JSON (or YAML, by extension) document a case field names. */
  public JsonNode readTree(CaseDefinition definition, String field, String relative) {
    Path file = resolve(definition, field, relative);
    if (!Files.isRegularFile(file)) {
      throw definition.error(field, field + " must name a file: " + relative);
    }
    String name = file.getFileName().toString();
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    try {
      return (yaml ? Mappers.yaml() : Mappers.json()).readTree(file.toFile());
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw definition.error(
          field,
          "fixture " + relative + " line " + line + " is not valid: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw definition.error(field, field + " cannot be read: " + relative);
    }
  }

  private boolean startsWithRootName(Path given) {
    return given.getNameCount() > 1
        && root.getFileName() != null
        && given.getName(0).toString().equals(root.getFileName().toString());
  }
}
