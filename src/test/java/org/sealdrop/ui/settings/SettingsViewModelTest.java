package org.sealdrop.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.config.SettingProblem;
import org.sealdrop.config.Settings;

class SettingsViewModelTest {

    @TempDir
    Path temp;

    private final Settings current = Settings.of(URI.create("http://127.0.0.1:9000"), "us-east-1", "clinic-bucket",
            "north", URI.create("http://127.0.0.1:8080"), null);

    @Test
    void fieldsStartWithCurrentValues() {
        SettingsViewModel model = unmanaged();

        assertEquals("http://127.0.0.1:9000", model.text("endpoint"));
        assertEquals("10", model.text("autoLockMinutes"));
        assertEquals("8", model.text("partSizeMiB"));
        assertEquals("queued", model.text("auditPolicy"));
        assertFalse(model.canSave(), "nothing changed yet");
        assertEquals(current, model.toSettings());
    }

    @Test
    void changedAutoLockCanBeSaved() {
        SettingsViewModel model = unmanaged();

        model.setText("autoLockMinutes", " 3 ");

        assertEquals(Optional.empty(), model.problem("autoLockMinutes"));
        assertTrue(model.canSave());
        assertEquals(3, model.toSettings().autoLockMinutes());
        assertEquals("clinic-bucket", model.toSettings().bucket(), "the vault stays as it was");
        assertEquals(Set.of("autoLockMinutes"), model.changedKeys());
        assertEquals(Set.of("autoLockMinutes"), SettingsViewModel.appliedAtOnce(model.changedKeys()));
        assertTrue(SettingsViewModel.appliedAtRestart(model.changedKeys()).isEmpty());
    }

    @Test
    void tooSmallPartSizeBlocksSave() {
        SettingsViewModel model = unmanaged();

        model.setText("partSizeMiB", "4");

        SettingProblem problem = model.problem("partSizeMiB").orElseThrow();
        assertEquals("partSizeMiB must be between 5 and 5120, but is 4", problem.message());
        assertEquals("range", problem.code());
        assertEquals(List.of("5", "5120", "4"), problem.arguments());
        assertFalse(model.canSave());
        assertThrows(IllegalArgumentException.class, model::toSettings);
    }

    @Test
    void invalidTextsShowTheirProblem() {
        SettingsViewModel model = unmanaged();

        model.setText("uploadParallelism", "many");
        model.setText("endpoint", "http://s3.example.com");
        model.setText("auditUrl", "");
        model.setText("auditPolicy", "lenient");
        model.setText("autoLockMinutes", "-2");

        assertEquals("wholeNumber", model.problem("uploadParallelism").orElseThrow().code());
        assertEquals("insecureUrl", model.problem("endpoint").orElseThrow().code());
        assertTrue(model.problem("auditUrl").isPresent());
        assertTrue(model.problem("auditPolicy").orElseThrow().message().contains("\"queued\" or \"strict\""));
        assertEquals("autoLock", model.problem("autoLockMinutes").orElseThrow().code());
        assertFalse(model.canSave());
    }

    @Test
    void restartSettingsAreReported() {
        SettingsViewModel model = unmanaged();

        model.setText("partSizeMiB", "16");
        model.setText("auditPolicy", "strict");
        model.setText("region", "eu-central-1");

        assertEquals(Set.of("auditPolicy"), SettingsViewModel.appliedAtOnce(model.changedKeys()));
        assertEquals(Set.of("region", "partSizeMiB"), SettingsViewModel.appliedAtRestart(model.changedKeys()));
    }

    @Test
    void managedFieldKeepsManagedValue() throws IOException {
        Path file = Files.writeString(temp.resolve("managed.json"), "{\"autoLockMinutes\": 2}");
        ManagedSettings managed = ManagedSettings.read(file);
        SettingsViewModel model = new SettingsViewModel(managed.applyTo(current), managed);

        model.setText("autoLockMinutes", "30");

        assertTrue(model.isManaged("autoLockMinutes"));
        assertFalse(model.isManaged("partSizeMiB"));
        assertEquals("2", model.text("autoLockMinutes"));
        assertFalse(model.canSave());
    }

    @Test
    void unknownFieldIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> unmanaged().setText("bucket", "other"));
    }

    private SettingsViewModel unmanaged() {
        return new SettingsViewModel(current, ManagedSettings.none(temp.resolve("absent.json")));
    }
}
