package dev.evals.modes.flow;

import dev.evals.validate.Check;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that every {@code results.<id>} an expression reads belongs to a step that has already run
 * at that point, and that every {@code flow_input.<name>} is a declared input.
 */
final class ResultsExpressionValidator {

  static final String RESULTS = "results references resolve";
  static final String FLOW_INPUT = "flow_input references exist in the input schema";

  private final FlowValue flow;
  private final RawModules raw;
  private final Set<String> inputs;
  private final Map<String, List<Scope>> ancestry = new HashMap<>();
  private final Map<String, FlowModule> byId = new HashMap<>();
  private final Set<String> resultProblems = new LinkedHashSet<>();
  private final Set<String> inputProblems = new LinkedHashSet<>();

  /** One enclosing container of a step: the container step and which child sequence. */
  private record Scope(FlowModule container, int sequence) {}

  private ResultsExpressionValidator(FlowValue flow, FlowState state) {
    this.flow = flow;
    this.raw = RawModules.of(flow, state.value());
    this.inputs = new HashSet<>(state.inputNames());
  }

  static List<Check> check(FlowValue flow, FlowState state) {
    return new ResultsExpressionValidator(flow, state).run();
  }

  /** The problems of both checks, for tools that answer the model in one message. */
  static List<String> problems(FlowValue flow, FlowState state) {
    ResultsExpressionValidator validator = new ResultsExpressionValidator(flow, state);
    validator.run();
    List<String> all = new ArrayList<>(validator.resultProblems);
    all.addAll(validator.inputProblems);
    return all;
  }

  private List<Check> run() {
    index(flow.modules(), List.of());
    for (String key : List.of("failure_module", "preprocessor_module")) {
      if (flow.special(key) != null) {
        index(List.of(flow.special(key)), List.of());
      }
    }
    walk(flow.modules(), Set.of(), List.of(), false);
    if (flow.failureModule() != null) {
      walk(List.of(flow.failureModule()), Set.copyOf(flow.topLevelIds()), List.of(), false);
    }
    if (flow.preprocessorModule() != null) {
      // The preprocessor reads the raw trigger payload, not the flow's declared inputs.
      walkSteps(List.of(flow.preprocessorModule()), Set.of(), List.of(), false, false);
    }
    return List.of(
        Check.of(RESULTS, resultProblems.isEmpty(), String.join("; ", resultProblems)),
        Check.of(FLOW_INPUT, inputProblems.isEmpty(), String.join("; ", inputProblems)));
  }

  private void index(List<FlowModule> modules, List<Scope> chain) {
    for (FlowModule module : modules) {
      if (module.id() != null) {
        ancestry.putIfAbsent(module.id(), chain);
        byId.putIfAbsent(module.id(), module);
      }
      List<List<FlowModule>> sequences = module.value().childSequences();
      for (int i = 0; i < sequences.size(); i++) {
        index(sequences.get(i), append(chain, new Scope(module, i)));
      }
    }
  }

  private void walk(
      List<FlowModule> modules, Set<String> visible, List<Scope> chain, boolean loop) {
    walkSteps(modules, visible, chain, loop, true);
  }

  private void walkSteps(
      List<FlowModule> modules,
      Set<String> visible,
      List<Scope> chain,
      boolean inLoop,
      boolean checkInputs) {
    Set<String> done = new HashSet<>(visible);
    for (FlowModule module : modules) {
      String label = "step '" + module.id() + "'";
      checkExpressions(module, label, done, chain, inLoop, checkInputs);
      for (FlowModule tool : module.tools()) {
        // A tool runs while its agent step runs: it sees what the agent step sees.
        String toolLabel = "tool '" + tool.id() + "' of step '" + module.id() + "'";
        checkExpressions(tool, toolLabel, done, chain, inLoop, checkInputs);
      }
      List<List<FlowModule>> sequences = module.value().childSequences();
      boolean childLoop = inLoop || module.value().isLoop();
      for (int i = 0; i < sequences.size(); i++) {
        walkSteps(
            sequences.get(i), done, append(chain, new Scope(module, i)), childLoop, checkInputs);
      }
      if (module.id() != null) {
        done.add(module.id());
      }
    }
  }

  private void checkExpressions(
      FlowModule module,
      String label,
      Set<String> done,
      List<Scope> chain,
      boolean inLoop,
      boolean checkInputs) {
    for (StepExpression expression : StepExpression.of(module, raw.of(module), label)) {
      checkResults(expression, module, done, chain);
      if (checkInputs) {
        checkInputs(expression, inLoop);
      }
    }
  }

  private void checkResults(
      StepExpression expression, FlowModule module, Set<String> done, List<Scope> chain) {
    for (ExpressionRefs.ResultRef ref : ExpressionRefs.results(expression.expr())) {
      String prefix = expression.where() + " references " + ref.text();
      boolean self = ref.id().equals(module.id());
      if (done.contains(ref.id()) || (self && expression.afterStep())) {
        checkNestedField(prefix, ref);
      } else if (self) {
        resultProblems.add(prefix + ", its own result, before the step has run");
      } else if (!ancestry.containsKey(ref.id())) {
        resultProblems.add(prefix + ", but no step '" + ref.id() + "' exists");
      } else {
        resultProblems.add(prefix + ", " + whyNotRunYet(ref.id(), chain));
      }
    }
  }

  private void checkNestedField(String prefix, ExpressionRefs.ResultRef ref) {
    FlowModule target = byId.get(ref.id());
    if (ref.field() == null || target == null) {
      return;
    }
    boolean nested = target.children().stream().anyMatch(c -> ref.field().equals(c.id()));
    if (nested) {
      resultProblems.add(
          prefix
              + ", but '"
              + ref.field()
              + "' is a step nested in "
              + target.type()
              + " '"
              + ref.id()
              + "', not a field of its result");
    }
  }

  private String whyNotRunYet(String id, List<Scope> chain) {
    List<Scope> target = ancestry.get(id);
    int shared = 0;
    while (shared < target.size()
        && shared < chain.size()
        && sameScope(target.get(shared), chain.get(shared))) {
      shared++;
    }
    if (shared == target.size()) {
      return "a step that runs later";
    }
    FlowModule container = target.get(shared).container();
    if (container.value().isLoop()) {
      return "a step inside loop '"
          + container.id()
          + "' that cannot be read from outside it; read results."
          + container.id()
          + " (one result per iteration) instead";
    }
    if (shared < chain.size() && chain.get(shared).container() == container) {
      // Same container, different child sequence: a sibling branch.
      return "a step in another branch of '" + container.id() + "'";
    }
    return "a step inside "
        + container.type()
        + " '"
        + container.id()
        + "' that cannot be read from outside it; read results."
        + container.id()
        + " instead";
  }

  private void checkInputs(StepExpression expression, boolean inLoop) {
    for (String name : ExpressionRefs.flowInputs(expression.expr())) {
      if (inputs.contains(name)) {
        continue;
      }
      if (name.equals("iter")) {
        if (!inLoop) {
          inputProblems.add(expression.where() + " reads flow_input.iter outside of any loop");
        }
        continue;
      }
      inputProblems.add(
          expression.where()
              + " reads flow_input."
              + name
              + ", but the input schema has no property '"
              + name
              + "'");
    }
  }

  private static boolean sameScope(Scope a, Scope b) {
    return a.container() == b.container() && a.sequence() == b.sequence();
  }

  private static List<Scope> append(List<Scope> chain, Scope scope) {
    List<Scope> longer = new ArrayList<>(chain);
    longer.add(scope);
    return List.copyOf(longer);
  }
}
