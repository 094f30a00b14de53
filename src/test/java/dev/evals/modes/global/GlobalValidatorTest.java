package dev.evals.modes.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.evals.datatable.AttemptDatatables;
import dev.evals.datatable.DatatableSeed;
import dev.evals.datatable.DatatableServer;
import dev.evals.json.Mappers;
import dev.evals.validate.Check;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobalValidatorTest {

  private static final AttemptDatatables NO_DATATABLES =
      DatatableServer.shared().attempt(DatatableSeed.EMPTY);

  private static final String GREET =
      "export async function main(name: string) {\n  return `Hello, ${name}!`\n}\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"draftCountExactly\": 1}|global includes exactly 1 draft(s)|true",
        "{\"draftCountExactly\": 2}|global includes exactly 2 draft(s)|false",
        "{\"draftCountAtLeast\": 1}|global includes at least 1 draft(s)|true",
        "{\"requiredDrafts\": [{\"type\": \"script\", \"path\": \"u/bob/greet\"}]}|global includes script draft u/bob/greet|true",
        "{\"requiredDrafts\": [{\"type\": \"script\", \"pathStartsWith\": \"f/\"}]}|global includes script draft (path starts with f/)|false",
        "{\"requiredDrafts\": [{\"type\": \"script\", \"path\": \"u/bob/greet\", \"language\": \"python3\"}]}|script draft u/bob/greet uses python3|false",
        "{\"requiredDrafts\": [{\"type\": \"script\", \"path\": \"u/bob/greet\", \"valueIncludes\": [\"Hello\"]}]}|script draft u/bob/greet value includes 'Hello'|true",
        "{\"requiredDrafts\": [{\"type\": \"script\", \"path\": \"u/bob/greet\", \"valueIncludes\": [\"hello\"]}]}|script draft u/bob/greet value includes 'hello'|false",
        "{\"requiredDrafts\": [{\"type\": \"script\", \"path\": \"u/bob/greet\", \"valueExcludes\": [\"Hello\"]}]}|script draft u/bob/greet value excludes 'Hello'|false",
        "{\"forbiddenDrafts\": [{\"type\": \"script\", \"path\": \"u/bob/greet\"}]}|global does not include script draft u/bob/greet|false",
        "{\"requiredDeployed\": [{\"type\": \"script\", \"path\": \"u/bob/greet\"}]}|global deployed script draft u/bob/greet|false",
        "{}|all global outputs are drafts|true",
        "{}|script draft u/bob/greet exports entrypoint|true",
        "{}|script draft u/bob/greet has no placeholder code|true",
      })
  void appliesEachRuleToTheDrafts(String rules, String checkName, boolean passed) throws Exception {
    SimulatedWorkspace workspace = new SimulatedWorkspace(InitialWorkspace.EMPTY);
    workspace.write(new Draft("script", "u/bob/greet", null, null, "bun", TextNode.valueOf(GREET)));

    List<Check> checks = validator(rules).validate(workspace, NO_DATATABLES);

    assertThat(checks)
        .filteredOn(c -> c.name().equals(checkName))
        .singleElement()
        .satisfies(c -> assertThat(c.passed()).as(c.detail()).isEqualTo(passed));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "export async function main() {\\n  return null\\n}|script draft u/bob/x has no placeholder code",
        "export async function run() {\\n  return 1\\n}|script draft u/bob/x exports entrypoint",
      })
  void aScriptWithoutARealMainFails(String code, String checkName) throws Exception {
    SimulatedWorkspace workspace = new SimulatedWorkspace(InitialWorkspace.EMPTY);
    workspace.write(
        new Draft(
            "script", "u/bob/x", null, null, "bun", TextNode.valueOf(code.replace("\\n", "\n"))));

    assertThat(validator("{}").validate(workspace, NO_DATATABLES))
        .filteredOn(c -> c.name().equals(checkName))
        .singleElement()
        .satisfies(c -> assertThat(c.passed()).isFalse());
  }

  @ParameterizedTest(name = "deploying unasked fails ''{0}''")
  @CsvSource({"all global outputs are drafts"})
  void aDeploymentTheCaseDidNotAskForFails(String checkName) throws Exception {
    SimulatedWorkspace workspace = new SimulatedWorkspace(InitialWorkspace.EMPTY);
    workspace.write(new Draft("script", "u/bob/greet", null, null, "bun", TextNode.valueOf(GREET)));
    workspace.deploy("script:u/bob/greet");

    assertThat(validator("{}").validate(workspace, NO_DATATABLES))
        .filteredOn(c -> c.name().equals(checkName))
        .singleElement()
        .satisfies(c -> assertThat(c.detail()).isEqualTo("deployed script:u/bob/greet"));
    assertThat(
            validator("{\"requiredDeployed\": [{\"type\": \"script\", \"path\": \"u/bob/greet\"}]}")
                .validate(workspace, NO_DATATABLES))
        .allSatisfy(c -> assertThat(c.passed()).as(c.name()).isTrue());
  }

  @Test
  void aDraftRuleWrittenFlatIsSplitIntoWhereToLookAndWhatToHold() throws Exception {
    GlobalRules rules =
        Mappers.json()
            .readValue(
                "{\"requiredDrafts\": [{\"type\": \"script\", \"pathIncludes\": [\"greet\"],"
                    + " \"language\": \"bun\", \"valueIncludes\": [\"hello\"]}]}",
                GlobalRules.class);

    GlobalRules.DraftRequirement required = rules.requiredDrafts().get(0);
    assertThat(required.where())
        .isEqualTo(new GlobalRules.DraftLocator("script", null, List.of("greet"), null, null));
    assertThat(required.content())
        .isEqualTo(new GlobalRules.DraftContent("bun", List.of(), List.of("hello"), List.of()));
  }

  @Test
  void aDraftRuleWithAnUnknownFieldIsStillRefused() {
    assertThatThrownBy(
            () -> validator("{\"requiredDrafts\": [{\"type\": \"script\", \"pathh\": \"x\"}]}"))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("pathh");
  }

  private static GlobalValidator validator(String rules) throws Exception {
    return new GlobalValidator(Mappers.json().readValue(rules, GlobalRules.class));
  }
}
