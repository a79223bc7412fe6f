package org.sealdrop.ui.settings;

import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sealdrop.app.SettingsAccess;
import org.sealdrop.config.Settings;
import org.sealdrop.ui.AppIcons;
import org.sealdrop.ui.BackgroundTasks;
import org.sealdrop.ui.ErrorDialog;
import org.sealdrop.ui.Messages;
import org.sealdrop.ui.theme.UiTheme;

/**
 * The Settings window, owned by the main window and modal to it. Save writes {@code settings.json}
 * on the executor, then shows which changes apply now and which at the next start, and calls
 * {@code onSaved} so the main window can apply the auto-lock time at once. Call on the application
 * thread.
 */
public final class SettingsWindow {

    private final Stage stage = new Stage();
    private final SettingsAccess access;
    private final Executor executor;
    private final Runnable onSaved;
    private final Button save = new Button(Messages.text("settings.save"));
    private final Label status = new Label();
    private SettingsViewModel model;
    private SettingsForm form;

    private SettingsWindow(SettingsAccess access, Executor executor, Runnable onSaved) {
        this.access = access;
        this.executor = executor;
        this.onSaved = onSaved;
    }

    /**
     * Opens the window over {@code owner} with the settings in effect, which are held in memory, and
     * the vault id from the small local key file, so reading them does not wait for the network.
     *
     * @param onSaved called on the application thread after each successful save
     */
    public static SettingsWindow open(Window owner, SettingsAccess access, Executor executor, Runnable onSaved) {
        SettingsWindow window = new SettingsWindow(access, executor, onSaved);
        window.build(owner);
        window.stage.show();
        return window;
    }

    public Stage stage() {
        return stage;
    }

    /** Returns the view model of the shown values, for tests. */
    public SettingsViewModel model() {
        return model;
    }

    /** Returns the empty box under "Appearance", where the theme choice goes. */
    public VBox appearanceSection() {
        return form.appearanceSection();
    }

    public void close() {
        stage.close();
    }

    private void build(Window owner) {
        model = new SettingsViewModel(access.current(), access.managed());
        String vaultId = access.vaultId().map(Object::toString).orElse("");
        form = new SettingsForm(model, vaultId, access.homeFolder().toString(), this::edited);
        ScrollPane scroll = new ScrollPane(form.root());
        scroll.setFitToWidth(true);

        save.setId("saveSettings");
        save.setDefaultButton(true);
        save.setOnAction(event -> save());
        Button close = new Button(Messages.text("settings.close"));
        close.setId("closeSettings");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.close());
        status.setId("settingsStatus");
        status.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // A long "Saved…" text wraps instead of squeezing the buttons to an ellipsis.
        save.setMinWidth(Region.USE_PREF_SIZE);
        close.setMinWidth(Region.USE_PREF_SIZE);
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox buttons = new HBox(12, status, gap, save, close);
        buttons.setAlignment(Pos.CENTER_LEFT);

        BorderPane root = new BorderPane(scroll);
        root.setBottom(buttons);
        root.getStyleClass().add("settings-view");
        BorderPane.setMargin(buttons, new javafx.geometry.Insets(12, 0, 0, 0));
        Scene scene = new Scene(root, 760, 640);
        UiTheme.apply(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setTitle(Messages.text("settings.window.title"));
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        AppIcons.applyTo(stage);
        edited();
    }

    private void edited() {
        save.setDisable(!model.canSave());
        status.setText(model.overallProblem().orElse(""));
    }

    private void save() {
        if (!model.canSave()) {
            return;
        }
        Settings requested = model.toSettings();
        save.setDisable(true);
        BackgroundTasks.run(executor, () -> access.save(requested), this::saved, failure -> {
            ErrorDialog.show(stage, "save settings", failure);
            edited();
        });
    }

    private void saved(Set<String> changed) {
        status.setText(savedText(changed));
        model.markSaved();
        save.setDisable(true);
        onSaved.run();
    }

    /** Returns the sentence that lists which of {@code changed} apply now and which at the next start. */
    static String savedText(Set<String> changed) {
        String now = names(SettingsViewModel.appliedAtOnce(changed));
        String later = names(SettingsViewModel.appliedAtRestart(changed));
        if (now.isEmpty() && later.isEmpty()) {
            return Messages.text("settings.saved.none");
        }
        if (later.isEmpty()) {
            return Messages.text("settings.saved.now", now);
        }
        return now.isEmpty() ? Messages.text("settings.saved.restart", later)
                : Messages.text("settings.saved.both", now, later);
    }

    private static String names(Set<String> keys) {
        return keys.stream()
                .map(key -> Messages.has("settings.field." + key) ? Messages.text("settings.field." + key).replace("_", "") : key)
                .collect(Collectors.joining(", "));
    }
}
