package dev.evals.modes.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evals.json.Mappers;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Windmill's file conventions for what the agent wrote: a flow is a folder named {@code
 * <name>.flow} or {@code <name>__flow} (with {@code nonDottedPaths}) holding a {@code flow.yaml}
 * whose {@code value.modules} is a list; script metadata ({@code <name>.script.yaml}) is a YAML
 * mapping; scripts and flows live under {@code f/<folder>/} or {@code u/<user>/}.
 */
final class ConventionChecks {

  static final String FLOW_FOLDERS = "flow folders have a parseable flow.yaml";
  static final String SCRIPT_METADATA = "script metadata parses";
  static final String ASSET_PATHS = "assets live under f/ or u/";

  private static final Set<String> SCRIPT_EXTENSIONS =
      Set.of("ts", "py", "go", "sh", "sql", "php", "rs", "cs", "ps1", "js", "gql", "java", "r");

  private ConventionChecks() {}

  static List<Check> of(AgentFolderDiff diff, FileTree workspace) {
    List<Check> checks = new ArrayList<>();
    Set<String> flowFolders = new TreeSet<>();
    List<String> metadata = new ArrayList<>();
    List<String> misplaced = new ArrayList<>();
    for (String path : diff.written()) {
      String folder = flowFolder(path);
      if (folder != null) {
        flowFolders.add(folder);
      }
      if (path.endsWith(".script.yaml")) {
        metadata.add(path);
      }
      if (isAsset(path, folder) && !path.startsWith("f/") && !path.startsWith("u/")) {
        misplaced.add(path);
      }
    }
    if (!flowFolders.isEmpty()) {
      List<String> problems = new ArrayList<>();
      flowFolders.forEach(folder -> flowProblem(folder, workspace).ifPresent(problems::add));
      checks.add(Check.of(FLOW_FOLDERS, problems.isEmpty(), String.join("; ", problems)));
    }
    if (!metadata.isEmpty()) {
      List<String> broken =
          metadata.stream().filter(path -> !isMapping(workspace.files().get(path).text())).toList();
      checks.add(Check.of(SCRIPT_METADATA, broken.isEmpty(), "not a YAML mapping: " + broken));
    }
    if (!diff.written().isEmpty()) {
      checks.add(Check.of(ASSET_PATHS, misplaced.isEmpty(), "outside f/ and u/: " + misplaced));
    }
    return checks;
  }

  /** The flow folder a path is in (or is the flow.yaml of), or null. */
  static String flowFolder(String path) {
    String[] parts = path.split("/");
    StringBuilder folder = new StringBuilder();
    for (int i = 0; i < parts.length - 1; i++) {
      folder.append(i == 0 ? "" : "/").append(parts[i]);
      if (parts[i].endsWith(".flow") || parts[i].endsWith("__flow")) {
        return folder.toString();
      }
    }
    return path.endsWith("/flow.yaml") || path.equals("flow.yaml") ? parentOf(path) : null;
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "." : path.substring(0, slash);
  }

  private static Optional<String> flowProblem(String folder, FileTree workspace) {
    String name = folder.substring(folder.lastIndexOf('/') + 1);
    if (!name.endsWith(".flow") && !name.endsWith("__flow")) {
      return Optional.of(
          folder + " holds a flow.yaml but is not named <name>.flow or <name>__flow");
    }
    FileTree.Entry flow = workspace.files().get(folder + "/flow.yaml");
    if (flow == null) {
      return Optional.of(folder + " has no flow.yaml");
    }
    try {
      JsonNode node = Mappers.yaml().readTree(flow.text());
      if (node == null || !node.path("value").path("modules").isArray()) {
        return Optional.of(folder + "/flow.yaml has no value.modules list");
      }
      return Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.of(folder + "/flow.yaml is not valid YAML: " + e.getOriginalMessage());
    }
  }

  private static boolean isAsset(String path, String flowFolder) {
    if (flowFolder != null || path.endsWith(".script.yaml")) {
      return true;
    }
    if (path.startsWith(".") || path.contains("node_modules/") || path.endsWith(".d.ts")) {
      return false;
    }
    int dot = path.lastIndexOf('.');
    return dot > path.lastIndexOf('/')
        && SCRIPT_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase());
  }

  private static boolean isMapping(String yaml) {
    try {
      JsonNode node = Mappers.yaml().readTree(yaml);
      return node != null && node.isObject();
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
