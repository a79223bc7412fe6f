package org.sealdrop.viewer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The viewer is a core package: the command line and tests use it without a JavaFX toolkit. */
class ViewerArchitectureTest {

    @Test
    void viewerDoesNotUseJavaFx() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sealdrop.viewer");

        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }
}
