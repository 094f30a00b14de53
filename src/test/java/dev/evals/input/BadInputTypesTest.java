package dev.evals.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every exception type of the tool either is bad input (exit 2, one line) or is listed here as a
 * failure of the run itself, so a new input error cannot silently become exit 70.
 */
class BadInputTypesTest {

  /**
   * The failures that are not the user's input: a provider or an agent that failed (an execution
   * error of one attempt), a Windmill call that failed or found an asset it did not create, and a
   * flow the model wrote that cannot be read (a failed check).
   */
  private static final Set<String> NOT_BAD_INPUT =
      Set.of(
          "dev.evals.model.ProviderException",
          "dev.evals.backend.WindmillApiException",
          "dev.evals.backend.ForeignAssetException",
          "dev.evals.modes.flow.InvalidFlowException",
          // an internal failure of a run, its stack trace kept in run.log (exit 70)
          "dev.evals.run.LoggedFailure");

  private static final JavaClasses TOOL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.evals");

  @Test
  void everyExceptionTypeIsBadInputOrAListedFailureOfTheRun() {
    List<String> unclassified =
        exceptionTypes().stream()
            .filter(type -> !type.isAssignableTo(BadInput.class))
            .filter(type -> NOT_BAD_INPUT.stream().noneMatch(type::isAssignableTo))
            .map(JavaClass::getName)
            .toList();

    assertThat(unclassified)
        .as("implement BadInput, or list the type in NOT_BAD_INPUT with the reason")
        .isEmpty();
  }

  @Test
  void noFailureOfTheRunIsAlsoBadInput() {
    assertThat(exceptionTypes())
        .filteredOn(type -> NOT_BAD_INPUT.stream().anyMatch(type::isAssignableTo))
        .noneMatch(type -> type.isAssignableTo(BadInput.class))
        .isNotEmpty();
  }

  @Test
  void findsTheInputErrorsOfEveryLayer() {
    assertThat(exceptionTypes())
        .filteredOn(type -> type.isAssignableTo(BadInput.class))
        .extracting(JavaClass::getSimpleName)
        .contains(
            "CaseFileException",
            "UnknownModelException",
            "UnknownModeException",
            "UnsupportedAgentException",
            "RunFolderException",
            "UsageException");
  }

  private static List<JavaClass> exceptionTypes() {
    return TOOL.stream().filter(type -> type.isAssignableTo(Throwable.class)).toList();
  }
}
