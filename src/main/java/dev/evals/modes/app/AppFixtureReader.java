package dev.evals.modes.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.evals.cases.CaseDefinition;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads an app fixture folder in Windmill's layout: {@code frontend/**} (keys get a leading {@code
 * /}), {@code backend/<key>/main.ts|main.py} with {@code meta.json} {@code {name, language}}, and
 * an optional {@code datatables.json} array. Links are refused so a fixture cannot reach outside
 * the cases root.
 */
public final class AppFixtureReader {

  private final CaseDefinition definition;
  private final String field;
  private final Path folder;

  private AppFixtureReader(CaseDefinition definition, String field, Path folder) {
    this.definition = definition;
    this.field = field;
    this.folder = folder;
  }

  public static AppState read(CaseDefinition definition, String field, Path folder) {
    if (!Files.isDirectory(folder)) {
      throw definition.error(
          field,
          field
              + " must name a folder with frontend/ and backend/ (Windmill's app layout): "
              + folder.getFileName());
    }
    AppFixtureReader reader = new AppFixtureReader(definition, field, folder);
    return new AppState(reader.frontend(), reader.backend(), reader.datatables());
  }

  private TreeMap<String, String> frontend() {
    Path root = folder.resolve("frontend");
    TreeMap<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.sorted().toList()) {
        refuseLink(file);
        if (Files.isRegularFile(file)) {
          String relative = root.relativize(file).toString().replace('\\', '/');
          files.put("/" + relative, Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw error("frontend cannot be read: " + e.getMessage());
    }
    return files;
  }

  private TreeMap<String, BackendRunnable> backend() {
    Path root = folder.resolve("backend");
    TreeMap<String, BackendRunnable> runnables = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return runnables;
    }
    try (Stream<Path> list = Files.list(root)) {
      for (Path dir : list.sorted().toList()) {
        refuseLink(dir);
        if (Files.isDirectory(dir)) {
          String key = dir.getFileName().toString();
          runnables.put(key, runnable(key, dir));
        }
      }
    } catch (IOException e) {
      throw error("backend cannot be read: " + e.getMessage());
    }
    return runnables;
  }

  private BackendRunnable runnable(String key, Path dir) throws IOException {
    String where = "backend/" + key + "/";
    if (!AppPaths.isKey(key)) {
      throw error(where + " is not a valid runnable key (use an identifier)");
    }
    Path metaFile = dir.resolve("meta.json");
    if (!Files.isRegularFile(metaFile)) {
      throw error(where + "meta.json is missing");
    }
    JsonNode meta = Mappers.json().readTree(metaFile.toFile());
    String language = meta.path("language").asText("");
    if (!meta.path("name").isTextual() || !BackendRunnable.LANGUAGES.contains(language)) {
      throw error(where + "meta.json needs {name, language} with language bun or python3");
    }
    List<Path> mains = Stream.of("main.ts", "main.py").map(dir::resolve).toList();
    for (Path main : mains) {
      refuseLink(main);
      if (Files.isRegularFile(main)) {
        return BackendRunnable.inline(
            meta.path("name").asText(), language, Files.readString(main, StandardCharsets.UTF_8));
      }
    }
    throw error(where + " has no main.ts or main.py");
  }

  private ArrayNode datatables() {
    Path file = folder.resolve("datatables.json");
    if (!Files.exists(file)) {
      return null;
    }
    refuseLink(file);
    try {
      JsonNode node = Mappers.json().readTree(file.toFile());
      if (!node.isArray()) {
        throw error("datatables.json must be a list of datatables");
      }
      return (ArrayNode) node;
    } catch (IOException e) {
      throw error("datatables.json is not valid JSON: " + e.getMessage());
    }
  }

  private void refuseLink(Path path) {
    if (Files.isSymbolicLink(path)) {
      throw error(folder.relativize(path) + " is a link; fixtures must be plain files");
    }
  }

  private RuntimeException error(String problem) {
    return definition.error(field, field + " fixture " + folder.getFileName() + ": " + problem);
  }
}
