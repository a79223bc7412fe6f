package org.sealdrop.crypto.independent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * Keeps the independent implementation independent: it uses no SealDrop class and no JCA cipher, so a
 * shared mistake cannot hide in shared code.
 */
class IndependenceRulesTest {

    private static final JavaClasses INDEPENDENT = new ClassFileImporter()
            .importPackages("org.sealdrop.crypto.independent.format");

    @Test
    void independentCodeUsesNoProductionClass() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.sealdrop", "org.sealdrop.crypto", "org.sealdrop.crypto.independent")
                .check(INDEPENDENT);
    }

    @Test
    void independentCodeUsesNoJcaCipher() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javax.crypto..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.MessageDigest")
                .check(INDEPENDENT);
    }
}
