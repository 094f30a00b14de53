package dev.evals.modes.flow;

import dev.evals.modes.script.ScriptCode;
import dev.evals.modes.script.ScriptLanguage;
import dev.evals.modes.script.ScriptLanguage.Family;
import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks on the inline code of a flow's steps and agent tools: a Windmill language that the code is
 * actually written in, the {@code main} Windmill calls, and inputs that {@code main} takes.
 */
final class InlineCodeValidator {

  static final String LANGUAGES = "inline code is in its Windmill language";
  static final String ENTRY_POINTS = "inline code has a main entry point";
  static final String ARGUMENTS = "step inputs are main parameters";

  private static final java.util.regex.Pattern PREPROCESSOR =
      java.util.regex.Pattern.compile(
          "(?m)^\\s*(?:export\\s+(?:async\\s+)?function|def)\\s+preprocessor\\s*\\(");

  private InlineCodeValidator() {}

  static List<Check> check(FlowValue flow) {
    List<String> languages = new ArrayList<>();
    List<String> entryPoints = new ArrayList<>();
    List<String> arguments = new ArrayList<>();
    for (FlowModule module : flow.allModules()) {
      if (module == flow.preprocessorModule() && isPreprocessorFunction(module)) {
        // Windmill calls a preprocessor step's `preprocessor` function, not main.
        inspect(
            module, "step '" + module.id() + "'", false, languages, new ArrayList<>(), arguments);
        continue;
      }
      inspect(module, "step '" + module.id() + "'", true, languages, entryPoints, arguments);
      for (FlowModule tool : module.tools()) {
        String name = "tool '" + tool.id() + "' of step '" + module.id() + "'";
        // The agent chooses a tool's arguments, so its inputs are not compared with main.
        inspect(tool, name, false, languages, entryPoints, arguments);
      }
    }
    return List.of(
        Check.of(LANGUAGES, languages.isEmpty(), String.join("; ", languages)),
        Check.of(ENTRY_POINTS, entryPoints.isEmpty(), String.join("; ", entryPoints)),
        Check.of(ARGUMENTS, arguments.isEmpty(), String.join("; ", arguments)));
  }

  private static boolean isPreprocessorFunction(FlowModule module) {
    return module.value() instanceof ModuleValue.RawScript script
        && script.content() != null
        && PREPROCESSOR.matcher(script.content()).find();
  }

  private static void inspect(
      FlowModule module,
      String name,
      boolean compareInputs,
      List<String> languages,
      List<String> entryPoints,
      List<String> arguments) {
    if (!(module.value() instanceof ModuleValue.RawScript script)) {
      return;
    }
    String code = script.content() == null ? "" : script.content();
    Optional<ScriptLanguage> known = ScriptLanguage.named(script.language());
    if (known.isEmpty()) {
      languages.add(
          name
              + (script.language() == null || script.language().isBlank()
                  ? " has no language"
                  : " is labelled '" + script.language() + "', not a Windmill language")
              + "; use one of: "
              + String.join(", ", ScriptLanguage.names()));
      return;
    }
    ScriptLanguage language = known.get();
    Optional<Family> writtenIn = ScriptCode.writtenIn(code);
    if (writtenIn.isPresent() && writtenIn.get() != language.family()) {
      languages.add(
          name
              + " is labelled "
              + language.windmillName()
              + " but its code is "
              + writtenIn.get().name().toLowerCase(Locale.ROOT));
      return;
    }
    if (code.isBlank() || code.strip().startsWith("inline_script.")) {
      return; // placeholder code, reported by the placeholder check
    }
    String missing = ScriptCode.missingEntryPoint(code, language);
    if (missing != null) {
      entryPoints.add(name + ": " + missing);
      return;
    }
    if (compareInputs) {
      unknownArguments(script, code, language).forEach(arg -> arguments.add(name + arg));
    }
  }

  private static List<String> unknownArguments(
      ModuleValue.RawScript script, String code, ScriptLanguage language) {
    boolean typed =
        language.family() == Family.TYPESCRIPT
            || language.family() == Family.PYTHON
            || language.family() == Family.GO;
    Optional<List<String>> params = ScriptCode.parameterNames(code, language);
    if (!typed || params.isEmpty() || ScriptCode.takesAnyArgument(code, language)) {
      return List.of();
    }
    return script.inputTransforms().keySet().stream()
        .filter(input -> !params.get().contains(input))
        .sorted()
        .map(
            input ->
                " passes input '"
                    + input
                    + "', but main takes only "
                    + (params.get().isEmpty() ? "nothing" : String.join(", ", params.get())))
        .toList();
  }
}
