package org.sealdrop.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The crypto package stays silent and free of UI code. */
class CryptoPackageRulesTest {

    private static final JavaClasses CRYPTO = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sealdrop.crypto");

    @Test
    void cryptoDoesNotLog() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.slf4j..", "ch.qos.logback..", "java.util.logging..", "org.apache.commons.logging..")
                .check(CRYPTO);
    }

    @Test
    void cryptoDoesNotUseJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..").check(CRYPTO);
    }

    @Test
    void cryptoDoesNotPrint() {
        noClasses().should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(CRYPTO);
    }
}
