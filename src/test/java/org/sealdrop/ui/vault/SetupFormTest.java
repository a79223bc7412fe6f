package org.sealdrop.ui.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.VaultSetup;
import org.sealdrop.ui.Messages;

class SetupFormTest {

    private final SetupForm form = new SetupForm();

    @BeforeEach
    void fillValidForm() {
        form.endpointProperty().set("http://127.0.0.1:9000");
        form.bucketProperty().set("clinic-documents");
        form.prefixProperty().set("/sealdrop/");
        form.auditUrlProperty().set("https://audit.clinic.example");
    }

    @Test
    void validFormBuildsSetup() {
        assertEquals(List.of(), form.validate("secret", "secret"));

        VaultSetup setup = form.toVaultSetup();

        assertEquals(URI.create("http://127.0.0.1:9000"), setup.endpoint());
        assertEquals(SetupForm.DEFAULT_REGION, setup.region());
        assertEquals("clinic-documents", setup.bucket());
        assertEquals("sealdrop/", setup.prefix());
        assertEquals(URI.create("https://audit.clinic.example"), setup.auditUrl());
        assertNull(setup.auditTokenFile());
    }

    @Test
    void tokenFileIsPassedOn() {
        form.auditTokenFileProperty().set("/etc/sealdrop/audit.token");

        assertEquals(Path.of("/etc/sealdrop/audit.token"), form.toVaultSetup().auditTokenFile());
    }

    @Test
    void plainHttpToRemoteHostIsRejected() {
        form.endpointProperty().set("http://s3.example.org");

        List<String> problems = form.validate("secret", "secret");

        assertEquals(List.of(Messages.text("setup.invalid.insecureUrl", Messages.text("setup.endpoint.name"))), problems);
    }

    @Test
    void missingValuesAreListed() {
        form.endpointProperty().set("");
        form.auditUrlProperty().set(" ");
        form.bucketProperty().set("Clinic_Docs");

        List<String> problems = form.validate("", "");

        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.contains(Messages.text("setup.invalid.bucket")), problems.toString());
        assertTrue(problems.contains(Messages.text("setup.invalid.passphraseMissing")), problems.toString());
    }

    @Test
    void createNeedsMatchingConfirmation() {
        assertEquals(List.of(Messages.text("setup.invalid.passphraseMismatch")), form.validate("secret", "secreT"));
    }

    @Test
    void joinIgnoresConfirmation() {
        form.createNewProperty().set(false);

        assertEquals(List.of(), form.validate("secret", ""));
    }

    @Test
    void invalidUrlIsReported() {
        form.auditUrlProperty().set("https://audit clinic");

        assertEquals(List.of(Messages.text("setup.invalid.url", Messages.text("setup.auditUrl.name"))),
                form.validate("secret", "secret"));
    }
}
