package dev.evals.model;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Every package under {@code dev.evals.model} is its own slice, so a cycle between the root and a
 * provider package ({@code model} ↔ {@code model.anthropic}) fails, not only one between top-level
 * packages.
 */
class ModelPackagesTest {

  @Test
  void theModelPackagesHaveNoCycleAtAnyDepth() {
    JavaClasses tool =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.evals.model");

    assertThatCode(() -> noCyclesUnder("dev.evals.model").check(tool)).doesNotThrowAnyException();
  }

  @Test
  void theRuleFailsOnACycleBetweenAPackageAndItsSubPackage() {
    JavaClasses cycle = new ClassFileImporter().importPackages("dev.evals.model.cyclefixture");

    assertThatThrownBy(() -> noCyclesUnder("dev.evals.model.cyclefixture").check(cycle))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected");
  }

  static ArchRule noCyclesUnder(String root) {
    return slices().assignedFrom(eachPackageUnder(root)).should().beFreeOfCycles();
  }

  private static SliceAssignment eachPackageUnder(String root) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass type) {
        String name = type.getPackageName();
        return name.equals(root) || name.startsWith(root + ".")
            ? SliceIdentifier.of(name)
            : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "every package under " + root;
      }
    };
  }
}
