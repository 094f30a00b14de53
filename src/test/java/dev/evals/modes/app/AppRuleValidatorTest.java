package dev.evals.modes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals.json.Mappers;
import dev.evals.validate.Check;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AppRuleValidatorTest {

  static Stream<Arguments> rules() {
    return Stream.of(
        pass("{'requiredFrontendPaths': ['index.tsx']}", "app includes required frontend paths"),
        fail(
            "{'requiredFrontendPaths': ['/index.tsx', '/components/List.tsx']}",
            "app includes required frontend paths",
            "missing [/components/List.tsx]; frontend files: [/index.tsx]"),
        pass(
            "{'requiredFrontendFileContent': [{'path': '/index.tsx', 'includes': 'BACKEND.increment'}]}",
            "frontend /index.tsx includes required content"),
        fail(
            "{'requiredFrontendFileContent': [{'path': '/index.tsx', 'includes': ['onClick', 'Reset'],"
                + " 'pattern': 'backend\\\\.reset\\\\('}]}",
            "frontend /index.tsx includes required content",
            "missing 'Reset', a match for /backend\\.reset\\(/"),
        fail(
            "{'requiredFrontendFileContent': [{'path': '/List.tsx', 'includes': 'x'}]}",
            "frontend /List.tsx includes required content",
            "no frontend file /List.tsx"),
        pass(
            "{'requiredBackendRunnableKeys': ['increment']}",
            "app includes required backend runnables"),
        fail(
            "{'requiredBackendRunnableKeys': ['increment', 'reset']}",
            "app includes required backend runnables",
            "missing [reset]; runnables: [increment]"),
        pass(
            "{'requiredBackendRunnableTypes': [{'key': 'increment', 'type': 'inline'}]}",
            "increment backend runnable type matches required"),
        fail(
            "{'requiredBackendRunnableTypes': [{'key': 'increment', 'type': 'script'}]}",
            "increment backend runnable type matches required",
            "expected script, got inline"),
        fail(
            "{'requiredBackendRunnableTypes': [{'key': 'reset', 'type': 'inline'}]}",
            "reset backend runnable type matches required",
            "no runnable 'reset'"),
        pass(
            "{'requiredBackendRunnableContent': [{'key': 'increment', 'pattern': 'x \\\\+ 1'}]}",
            "increment backend runnable includes required content"),
        fail(
            "{'requiredBackendRunnableContent': [{'key': 'increment', 'includes': ['datatable']}]}",
            "increment backend runnable includes required content",
            "missing 'datatable'"),
        pass("{'backendRunnableCountAtLeast': 1}", "app includes at least 1 backend runnable"),
        fail(
            "{'backendRunnableCountAtLeast': 2}",
            "app includes at least 2 backend runnables",
            "expected at least 2, got 1"),
        pass("{'datatableCountAtLeast': 1}", "app includes at least 1 datatable"),
        fail("{'datatableCountAtLeast': 2}", "app includes at least 2 datatables", "got 1"),
        pass("{'datatableTableCountAtLeast': 2}", "app includes at least 2 datatable tables"),
        fail(
            "{'datatableTableCountAtLeast': 3}",
            "app includes at least 3 datatable tables",
            "expected at least 3, got 2"),
        pass("{'datatableTableCountExactly': 2}", "app includes exactly 2 datatable tables"),
        fail(
            "{'datatableTableCountExactly': 1}",
            "app includes exactly 1 datatable table",
            "expected exactly 1, got 2"),
        pass(
            "{'requiredDatatables': [{'datatableName': 'main', 'schema': 'public', 'table': 'todos'}]}",
            "datatable table main/public.todos exists"),
        pass(
            "{'requiredDatatables': [{'schema': 'public', 'table': 'tags'}]}",
            "datatable table public.tags exists"),
        fail(
            "{'requiredDatatables': [{'datatableName': 'other', 'schema': 'public', 'table': 'todos'}]}",
            "datatable table other/public.todos exists",
            "no table other/public.todos in the app's datatables"),
        pass("{'requiredToolsUsed': ['set_app_file']}", "tool set_app_file was used"),
        fail(
            "{'requiredToolsUsed': ['delete_app_file']}",
            "tool delete_app_file was used",
            "tools used: set_app_file"),
        pass(
            "{'forbiddenAppContent': ['localStorage']}",
            "app does not include forbidden content 'localStorage'"),
        fail(
            "{'forbiddenAppContent': ['RETURN X']}",
            "app does not include forbidden content 'RETURN X'",
            "found in runnable increment"));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @MethodSource("rules")
  void eachRulePassesOrFailsWithAPreciseDetail(
      String rules, String check, boolean passes, String detail) throws Exception {
    AppRules parsed = Mappers.json().treeToValue(AppFixtures.json(rules), AppRules.class);

    List<Check> checks =
        AppRuleValidator.check(AppFixtures.counter(), parsed, List.of("set_app_file"));

    Check result = AppValidatorTest.find(checks, check);
    assertThat(result.passed()).as(result.detail()).isEqualTo(passes);
    assertThat(result.detail()).contains(detail);
  }

  private static Arguments pass(String rules, String check) {
    return Arguments.of(rules, check, true, "");
  }

  private static Arguments fail(String rules, String check, String detail) {
    return Arguments.of(rules, check, false, detail);
  }
}
