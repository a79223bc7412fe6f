package org.sealdrop.ui.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.VaultSetup;
import org.sealdrop.ui.Messages;
import org.sealdrop.ui.vault.SetupWizard.Field;
import org.sealdrop.ui.vault.SetupWizard.Step;
import org.sealdrop.ui.vault.SetupWizard.Typed;

/** The wizard's view model: steps, Back and Next, and the checks beside each field. */
class SetupWizardTest {

    private static final String PASSPHRASE = "ten or more characters";

    private final SetupWizard wizard = new SetupWizard();

    @BeforeEach
    void fillValues() {
        wizard.setEndpoint("http://127.0.0.1:9000");
        wizard.setBucket("clinic-documents");
        wizard.setPrefix("/sealdrop/");
        wizard.setAuditUrl("https://audit.clinic.example");
    }

    @Test
    void createHasFiveSteps() {
        assertEquals(List.of(Step.MODE, Step.STORAGE, Step.AUDIT, Step.PASSPHRASE, Step.RECOVERY_KEY), wizard.steps());
    }

    @Test
    void joinHasFourSteps() {
        wizard.setCreateNew(false);

        assertEquals(List.of(Step.MODE, Step.STORAGE, Step.AUDIT, Step.PASSPHRASE), wizard.steps());
    }

    @Test
    void nextWalksToPassphrase() {
        assertFalse(wizard.canGoBack());
        assertEquals(Map.of(), wizard.next(Typed.NOTHING));
        assertEquals(Step.STORAGE, wizard.step());
        assertEquals(2, wizard.stepNumber());
        assertEquals(Map.of(), wizard.next(Typed.NOTHING));
        assertEquals(Map.of(), wizard.next(Typed.NOTHING));

        assertEquals(Step.PASSPHRASE, wizard.step());
        assertTrue(wizard.setsUpVault());
        assertFalse(wizard.isLastStep());
        assertThrows(IllegalStateException.class, () -> wizard.next(typedPassphrase(PASSPHRASE, PASSPHRASE)));
    }

    @Test
    void backKeepsValues() {
        wizard.next(Typed.NOTHING);
        wizard.next(Typed.NOTHING);
        wizard.back();
        wizard.back();

        assertEquals(Step.MODE, wizard.step());
        assertEquals("http://127.0.0.1:9000", wizard.endpoint());
        assertEquals("https://audit.clinic.example", wizard.auditUrl());
        wizard.back();
        assertEquals(Step.MODE, wizard.step());
    }

    @Test
    void modeIsFixedAfterFirstStep() {
        wizard.next(Typed.NOTHING);
        wizard.setCreateNew(false);

        assertTrue(wizard.createNew());
    }

    @Test
    void invalidStorageStaysWithMessages() {
        wizard.next(Typed.NOTHING);
        wizard.setEndpoint("http://s3.example.org");
        wizard.setBucket("Clinic_Docs");
        wizard.setRegion("EU West");

        Map<Field, String> problems = wizard.next(Typed.NOTHING);

        assertEquals(Step.STORAGE, wizard.step());
        assertEquals(Messages.text("setup.invalid.insecureUrl", Messages.text("setup.endpoint.name")),
                problems.get(Field.ENDPOINT));
        assertEquals(Messages.text("setup.invalid.bucket"), problems.get(Field.BUCKET));
        assertEquals(Messages.text("setup.invalid.region"), problems.get(Field.REGION));
    }

    @Test
    void accessKeyNeedsItsSecret() {
        wizard.setAccessKeyId("AKIDEXAMPLE");

        assertEquals(Messages.text("wizard.invalid.secretMissing"),
                wizard.validateStorage(Typed.NOTHING).get(Field.SECRET_KEY));
        assertEquals(Map.of(), wizard.validateStorage(new Typed("secret", "", "", "")));
        wizard.setAccessKeyId("sealdrop-demo");
        assertEquals(Map.of(), wizard.validateStorage(new Typed("secret", "", "", "")), "S3-compatible stores use dashes");
        wizard.setAccessKeyId("with space");
        assertEquals(Messages.text("wizard.invalid.accessKey"),
                wizard.validateStorage(new Typed("secret", "", "", "")).get(Field.ACCESS_KEY));
        wizard.setAccessKeyId("");
        assertEquals(Messages.text("wizard.invalid.accessKeyMissing"),
                wizard.validateStorage(new Typed("secret", "", "", "")).get(Field.ACCESS_KEY));
    }

    @Test
    void auditChecksUrlAndToken() {
        wizard.setAuditUrl("https://audit clinic");

        Map<Field, String> problems = wizard.validateAudit(new Typed("", "bad token\n", "", ""));

        assertEquals(Messages.text("setup.invalid.url", Messages.text("setup.auditUrl.name")),
                problems.get(Field.AUDIT_URL));
        assertEquals(Messages.text("wizard.invalid.token"), problems.get(Field.AUDIT_TOKEN));
    }

    @Test
    void tokenAndTokenFileExcludeEachOther() {
        wizard.setAuditTokenFile("/etc/sealdrop/audit.token");

        assertEquals(Messages.text("wizard.invalid.tokenTwice"),
                wizard.validateAudit(new Typed("", "token-0123456789abcdef", "", "")).get(Field.TOKEN_FILE));
        assertEquals(Map.of(), wizard.validateAudit(Typed.NOTHING));
    }

    @Test
    void createNeedsLongMatchingPassphrase() {
        walkToPassphrase();

        assertEquals(Messages.text("setup.invalid.passphraseMissing"),
                wizard.validate(Typed.NOTHING).get(Field.PASSPHRASE));
        assertEquals(Messages.text("wizard.invalid.passphraseShort", 10, 5),
                wizard.validate(typedPassphrase("short", "short")).get(Field.PASSPHRASE));
        assertEquals(Messages.text("setup.invalid.passphraseMismatch"),
                wizard.validate(typedPassphrase(PASSPHRASE, PASSPHRASE + "!")).get(Field.CONFIRMATION));
        assertEquals(Map.of(), wizard.validate(typedPassphrase(PASSPHRASE, PASSPHRASE)));
    }

    @Test
    void joinTakesAnyPassphraseOnce() {
        wizard.setCreateNew(false);
        walkToPassphrase();

        assertTrue(wizard.isLastStep());
        assertEquals(Map.of(), wizard.validate(typedPassphrase("short", "")));
    }

    @Test
    void recoveryKeyNeedsTick() {
        walkToPassphrase();
        wizard.vaultCreated();

        assertEquals(Step.RECOVERY_KEY, wizard.step());
        assertFalse(wizard.canGoBack());
        assertTrue(wizard.isLastStep());
        assertEquals(Messages.text("wizard.invalid.recoveryNotStored"),
                wizard.validate(Typed.NOTHING).get(Field.RECOVERY_KEY_STORED));
        wizard.setRecoveryKeyStored(true);
        assertEquals(Map.of(), wizard.validate(Typed.NOTHING));
    }

    @Test
    void setupCarriesCleanValues() {
        wizard.setAuditTokenFile("/etc/sealdrop/audit.token");

        VaultSetup setup = wizard.toVaultSetup();

        assertEquals(URI.create("http://127.0.0.1:9000"), setup.endpoint());
        assertEquals(SetupWizard.DEFAULT_REGION, setup.region());
        assertEquals("clinic-documents", setup.bucket());
        assertEquals("sealdrop/", setup.prefix());
        assertEquals(URI.create("https://audit.clinic.example"), setup.auditUrl());
        assertEquals(Path.of("/etc/sealdrop/audit.token"), setup.auditTokenFile());
        assertNull(wizard.toVaultSetupForStorage().auditUrl());
        assertNull(wizard.toVaultSetupForAudit().endpoint());
    }

    private void walkToPassphrase() {
        while (wizard.step() != Step.PASSPHRASE) {
            assertEquals(Map.of(), wizard.next(Typed.NOTHING));
        }
    }

    private static Typed typedPassphrase(String passphrase, String confirmation) {
        return new Typed("", "", passphrase, confirmation);
    }
}
