package org.sealdrop.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.LocalServices;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Base of the tests that drive the main window on the real services: a {@link WindowFixture} in a
 * temporary folder, started before and closed after each test. Subclasses show the window themselves.
 */
@ExtendWith(ApplicationExtension.class)
abstract class MainWindowTest {

    @TempDir
    Path root;

    WindowFixture fixture;
    LocalServices services;
    Stage stage;
    MainWindow window;

    @BeforeEach
    void startServices() throws IOException {
        // TestFX calls only @Start methods declared in the test class itself, so take the stage it
        // registered before each test directly.
        stage = FxToolkit.toolkitContext().getRegisteredStage();
        fixture = WindowFixture.start(root.resolve("environment"), stage);
        services = fixture.services();
    }

    @AfterEach
    void stopServices() {
        fixture.close();
    }
}
