package org.sealdrop.ui.settings;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.sealdrop.config.SettingProblem;
import org.sealdrop.config.Settings;
import org.sealdrop.ui.Messages;
import org.sealdrop.ui.theme.ThemePicker;

/**
 * The grid of the Settings screen: the vault read-only, then one row per editable setting with its
 * field, a lock mark when IT fixes it, and the field's problem beside it, updated as the user types.
 * Node ids are the setting's JSON name ({@code #autoLockMinutes}), with {@code Problem} and
 * {@code Lock} appended for the other two nodes of the row.
 */
final class SettingsForm {

    private final SettingsViewModel model;
    private final Runnable onEdit;
    private final GridPane grid = new GridPane();
    private final Map<String, Label> problems = new HashMap<>();
    private final VBox appearance = new VBox(8);
    private int row;

    /** @param onEdit called after every edit, once the problems are shown */
    SettingsForm(SettingsViewModel model, String vaultId, String homeFolder, Runnable onEdit) {
        this.model = model;
        this.onEdit = onEdit;
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints(260);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields, new ColumnConstraints(), new ColumnConstraints());

        section("settings.vault.section");
        readOnly("vaultId", "settings.vault.id", vaultId);
        readOnly("vaultBucket", "settings.vault.bucket", model.current().bucket());
        readOnly("vaultPrefix", "settings.vault.prefix", model.current().prefix());
        readOnly("homeFolder", "settings.vault.home", homeFolder);
        note("settings.vault.note");
        section("settings.storage.section");
        field("endpoint");
        field("region");
        section("settings.audit.section");
        field("auditUrl");
        field("auditPolicy");
        field("auditMaxPendingEvents");
        field("auditMaxPendingHours");
        field("auditStrictWaitSeconds");
        section("settings.security.section");
        field("autoLockMinutes");
        field("partSizeMiB");
        field("uploadParallelism");
        section("settings.appearance.section");
        appearance.setId("appearanceSection");
        appearance.getChildren().add(ThemePicker.create());
        grid.add(appearance, 0, row++, 4, 1);
        showProblems();
    }

    Node root() {
        return grid;
    }

    /** Returns the empty box under "Appearance", for the theme choice. */
    VBox appearanceSection() {
        return appearance;
    }

    private void section(String key) {
        Label title = new Label(Messages.text(key));
        title.getStyleClass().add("section-title");
        grid.add(title, 0, row++, 4, 1);
    }

    private void note(String key) {
        Label note = new Label(Messages.text(key));
        note.getStyleClass().add("secondary");
        note.setWrapText(true);
        grid.add(note, 0, row++, 4, 1);
    }

    private void readOnly(String id, String labelKey, String value) {
        TextField text = new TextField(value);
        text.setId(id);
        text.setEditable(false);
        Label label = new Label(Messages.text(labelKey));
        label.setLabelFor(text);
        grid.addRow(row++, label, text);
    }

    private void field(String key) {
        Control control = key.equals("auditPolicy") ? policyChoice() : textField(key);
        control.setId(key);
        Label label = new Label(Messages.text("settings.field." + key));
        label.setMnemonicParsing(true);
        label.setLabelFor(control);
        control.setAccessibleText(label.getText().replace("_", ""));
        Label problem = new Label();
        problem.setId(key + "Problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problems.put(key, problem);
        grid.addRow(row, label, control);
        if (model.isManaged(key)) {
            lock(key, label, control);
        }
        grid.add(problem, 3, row++);
    }

    private TextField textField(String key) {
        TextField field = new TextField(model.text(key));
        field.textProperty().addListener((observable, old, text) -> edited(key, text));
        return field;
    }

    private ChoiceBox<String> policyChoice() {
        ChoiceBox<String> choice = new ChoiceBox<>();
        choice.getItems().addAll(Settings.AUDIT_POLICY_QUEUED, Settings.AUDIT_POLICY_STRICT);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String policy) {
                return policy == null ? "" : Messages.text("settings.policy." + policy);
            }

            @Override
            public String fromString(String text) {
                throw new UnsupportedOperationException("The policy choice is not editable");
            }
        });
        choice.setValue(model.text("auditPolicy"));
        choice.valueProperty().addListener((observable, old, policy) -> edited("auditPolicy", policy));
        return choice;
    }

    /**
     * Disables a managed field and marks it. A disabled control shows no tooltip, so the tooltip sits
     * on the label and the lock mark, and screen readers get the reason from the accessible help.
     */
    private void lock(String key, Label label, Control control) {
        control.setDisable(true);
        String reason = Messages.text("settings.managed.accessible");
        control.setAccessibleHelp(reason);
        Label mark = new Label(Messages.text("settings.managed"));
        mark.setId(key + "Lock");
        mark.getStyleClass().add("settings-lock");
        mark.setAccessibleText(reason);
        Tooltip tooltip = new Tooltip(Messages.text("settings.managed.tooltip", model.managed().file()));
        mark.setTooltip(tooltip);
        label.setTooltip(tooltip);
        GridPane.setHalignment(mark, HPos.CENTER);
        grid.add(mark, 2, row);
    }

    private void edited(String key, String text) {
        model.setText(key, text);
        showProblems();
        onEdit.run();
    }

    private void showProblems() {
        problems.forEach((key, label) -> label.setText(model.problem(key).map(SettingsForm::describe).orElse("")));
    }

    /** Returns the bundle's text for {@code problem}, or its English message where the bundle has none. */
    static String describe(SettingProblem problem) {
        String key = "settings.problem." + problem.code();
        return Messages.has(key) ? Messages.text(key, problem.arguments().toArray()) : problem.message();
    }
}
