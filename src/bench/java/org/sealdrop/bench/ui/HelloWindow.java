package org.sealdrop.bench.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline of {@link StartTimeBench}: a JavaFX window with one label, started with
 * {@code Platform.startup} as {@code DesktopLauncher} starts SealDrop's window, so the difference is
 * what SealDrop does before and while it shows its own. Its title starts with "SealDrop" because
 * {@code packaging/linux/start-time.sh} waits for a window of that name. It stays open until killed.
 */
public final class HelloWindow {

    private HelloWindow() {
    }

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setTitle("SealDrop start-time baseline");
            stage.setScene(new Scene(new StackPane(new Label("Hello")), 1000, 700));
            stage.show();
        });
    }
}
