package dev.evals.cases;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.evals.json.Mappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code cases/<mode>.yaml} under a cases root. Every problem is a {@link CaseFileException}
 * naming the file and line, raised before any model is called.
 */
public final class CaseLoader {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private final Path casesRoot;

  public CaseLoader(Path casesRoot) {
    this.casesRoot = casesRoot;
  }

  /** The display name of a mode's case file, relative to the cases root. */
  public static String caseFileName(String mode) {
    return "cases/" + mode + ".yaml";
  }

  /** Whether the cases root has a case file for the mode. */
  public boolean hasCases(String mode) {
    return Files.isRegularFile(casesRoot.resolve(caseFileName(mode)));
  }

  /** The file's raw bytes, for the digest stored with a run. */
  public byte[] rawCaseFile(String mode) throws IOException {
    return Files.readAllBytes(casesRoot.resolve(caseFileName(mode)));
  }

  /** Every case of the mode's file, checked against the mode's validate rule names. */
  public List<CaseDefinition> load(String mode, Set<String> validateRuleNames) {
    String file = caseFileName(mode);
    LocatedYaml yaml = parse(file);
    JsonNode root = yaml.root();
    if (!root.isArray()) {
      throw new CaseFileException(file, yaml.lineOf(""), "expected a list of cases");
    }
    List<CaseDefinition> cases = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < root.size(); i++) {
      CaseDefinition definition = bind(file, yaml, i);
      checkRules(definition, validateRuleNames);
      Integer firstLine = seen.putIfAbsent(definition.id(), definition.source().line());
      if (firstLine != null) {
        throw definition
            .source()
            .error(
                "id",
                "duplicate case id '"
                    + definition.id()
                    + "' (first defined on line "
                    + firstLine
                    + ")");
      }
      cases.add(definition);
    }
    return cases;
  }

  private LocatedYaml parse(String file) {
    try {
      String text = Files.readString(casesRoot.resolve(file), StandardCharsets.UTF_8);
      return LocatedYaml.parse(text);
    } catch (NoSuchFileException e) {
      throw new CaseFileException(
          file, 0, "case file not found under " + casesRoot.toAbsolutePath().normalize());
    } catch (JacksonException e) {
      throw YamlSyntax.error(file, e);
    } catch (IOException e) {
      throw new CaseFileException(file, 0, "cannot read: " + e.getMessage());
    }
  }

  private static CaseDefinition bind(String file, LocatedYaml yaml, int index) {
    String path = "[" + index + "]";
    JsonNode node = yaml.root().get(index);
    int line = yaml.lineOf(path);
    if (!node.isObject()) {
      throw new CaseFileException(file, line, "each case must be a mapping with id and prompt");
    }
    SourceLocation source = new SourceLocation(file, line, yaml.linesUnder(path));
    CaseEntry entry;
    try {
      entry = Mappers.yaml().treeToValue(node, CaseEntry.class);
    } catch (UnrecognizedPropertyException e) {
      throw source.error(BindingProblem.fieldPath("", e), BindingProblem.describe(e));
    } catch (JsonMappingException e) {
      String field = BindingProblem.fieldPath("", e);
      throw source.error(field, (field.isEmpty() ? "" : field + ": ") + BindingProblem.describe(e));
    } catch (JacksonException e) {
      throw source.error("", e.getOriginalMessage());
    }
    if (entry.id() == null || !ID.matcher(entry.id()).matches()) {
      throw source.error("id", "case id must match [a-z0-9][a-z0-9._-]*, got '" + entry.id() + "'");
    }
    if (entry.prompt() == null || entry.prompt().isBlank()) {
      throw source.error("prompt", "case '" + entry.id() + "' has no prompt");
    }
    return entry.locate(source);
  }

  private static void checkRules(CaseDefinition definition, Set<String> ruleNames) {
    Iterator<String> names = definition.validate().fieldNames();
    while (names.hasNext()) {
      String rule = names.next();
      if (!ruleNames.contains(rule)) {
        throw definition.error(
            "validate." + rule,
            "unknown validate rule '"
                + rule
                + "'; known rules: "
                + String.join(", ", new TreeSet<>(ruleNames)));
      }
    }
  }
}
