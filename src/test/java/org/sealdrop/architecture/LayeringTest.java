package org.sealdrop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps JavaFX in the window code and the dependencies pointing inwards. */
@AnalyzeClasses(packages = "org.sealdrop", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String[] CORE = {
        "org.sealdrop.crypto..", "org.sealdrop.vault..", "org.sealdrop.storage..", "org.sealdrop.index..",
        "org.sealdrop.audit..", "org.sealdrop.transfer..", "org.sealdrop.viewer..", "org.sealdrop.config..",
        "org.sealdrop.auditserver..", "org.sealdrop.app..", "org.sealdrop.demo..",
        "org.sealdrop.instance..", "org.sealdrop.selftest..", "org.sealdrop.doctor.."
    };

    @ArchTest
    static final ArchRule coreNeverImportsJavaFx = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule coreNeverUsesWindowOrCommandLine = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.sealdrop.ui..", "org.sealdrop.cli..");

    @ArchTest
    static final ArchRule cryptoIsSelfContained = noClasses()
            .that().resideInAPackage("org.sealdrop.crypto..")
            .should().dependOnClassesThat().resideInAnyPackage("org.sealdrop.storage..", "org.sealdrop.index..",
                    "org.sealdrop.audit..", "org.sealdrop.transfer..", "org.sealdrop.vault..", "org.sealdrop.app..")
            .because("the object format must be readable by anyone holding a key, without the rest of SealDrop");

    @ArchTest
    static final ArchRule cryptoDoesNotLog = noClasses()
            .that().resideInAPackage("org.sealdrop.crypto..")
            .should().dependOnClassesThat().resideInAPackage("org.slf4j..")
            .because("key material and plaintext must never reach a log");

    @ArchTest
    static final ArchRule transferDoesNotDependOnTheWiring = noClasses()
            .that().resideInAnyPackage("org.sealdrop.transfer..", "org.sealdrop.storage..", "org.sealdrop.audit..",
                    "org.sealdrop.index..", "org.sealdrop.vault..")
            .should().dependOnClassesThat().resideInAPackage("org.sealdrop.app..");
}
