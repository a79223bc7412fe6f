package org.sealdrop.ui.vault;

import java.io.File;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.sealdrop.app.VaultAccess;
import org.sealdrop.ui.Messages;

/**
 * The controls of the first-run wizard, one page per {@link SetupWizard.Step}. The pages are built once
 * and kept, so going back shows every value as it was typed. Text fields write through to the view
 * model; password fields are read only when a step is checked or submitted.
 */
final class WizardPages {

    final RadioButton create = new RadioButton(Messages.text("setup.mode.create"));
    final RadioButton join = new RadioButton(Messages.text("setup.mode.join"));
    final PasswordField secretKey = new PasswordField();
    final PasswordField auditToken = new PasswordField();
    final PasswordField passphrase = new PasswordField();
    final PasswordField confirmation = new PasswordField();
    final Button testStorage = new Button(Messages.text("wizard.storage.test"));
    final Label storageResult = new Label();
    final Button testAudit = new Button(Messages.text("wizard.audit.test"));
    final Label auditResult = new Label();
    final Label setupProblem = new Label();
    final Label passphraseRule = new Label();
    final TextField recoveryKey = new TextField();
    final CheckBox recoveryStored = new CheckBox(Messages.text("wizard.recovery.stored"));
    final Map<SetupWizard.Field, Label> problems = new EnumMap<>(SetupWizard.Field.class);
    final Map<SetupWizard.Step, Node> pages = new EnumMap<>(SetupWizard.Step.class);

    private final SetupWizard wizard;

    WizardPages(SetupWizard wizard) {
        this.wizard = wizard;
        for (SetupWizard.Field field : SetupWizard.Field.values()) {
            Label problem = new Label();
            problem.getStyleClass().add("problem");
            problem.setWrapText(true);
            problem.setMaxWidth(240);
            problems.put(field, problem);
        }
        pages.put(SetupWizard.Step.MODE, modePage());
        pages.put(SetupWizard.Step.STORAGE, storagePage());
        pages.put(SetupWizard.Step.AUDIT, auditPage());
        pages.put(SetupWizard.Step.PASSPHRASE, passphrasePage());
        pages.put(SetupWizard.Step.RECOVERY_KEY, recoveryPage());
    }

    /** Shows {@code found} beside their fields and clears the other messages. */
    void showProblems(Map<SetupWizard.Field, String> found) {
        problems.forEach((field, label) -> label.setText(found.getOrDefault(field, "")));
    }

    private Node modePage() {
        Label intro = paragraph("setup.intro");
        ToggleGroup mode = new ToggleGroup();
        create.setId("modeCreate");
        join.setId("modeJoin");
        create.setToggleGroup(mode);
        join.setToggleGroup(mode);
        create.setSelected(wizard.createNew());
        join.setSelected(!wizard.createNew());
        create.setAccessibleText(Messages.text("wizard.mode.create.accessible"));
        join.setAccessibleText(Messages.text("wizard.mode.join.accessible"));
        create.selectedProperty().addListener((property, was, isNow) -> wizard.setCreateNew(isNow));
        return new VBox(12, intro, create, paragraph("wizard.mode.create.hint"), join, paragraph("wizard.mode.join.hint"));
    }

    private Node storagePage() {
        GridPane grid = grid();
        int row = 0;
        addRow(grid, row++, "setup.endpoint", field("endpointField", "setup.endpoint.prompt", wizard.endpoint(),
                wizard::setEndpoint), SetupWizard.Field.ENDPOINT);
        addRow(grid, row++, "setup.region", field("regionField", "setup.region.prompt", wizard.region(),
                wizard::setRegion), SetupWizard.Field.REGION);
        addRow(grid, row++, "setup.bucket", field("bucketField", "setup.bucket.prompt", wizard.bucket(),
                wizard::setBucket), SetupWizard.Field.BUCKET);
        addRow(grid, row++, "setup.prefix", field("prefixField", "setup.prefix.prompt", wizard.prefix(),
                wizard::setPrefix), SetupWizard.Field.PREFIX);
        addRow(grid, row++, "wizard.accessKey", field("accessKeyField", "wizard.accessKey.prompt",
                wizard.accessKeyId(), wizard::setAccessKeyId), SetupWizard.Field.ACCESS_KEY);
        secretKey.setId("secretKeyField");
        secretKey.setPromptText(Messages.text("wizard.secretKey.prompt"));
        addRow(grid, row, "wizard.secretKey", secretKey, SetupWizard.Field.SECRET_KEY);

        testStorage.setId("testStorageButton");
        testStorage.setAccessibleText(Messages.text("wizard.storage.test.accessible"));
        result(storageResult, "storageTestResult");
        return new VBox(12, paragraph("wizard.storage.intro"), grid, paragraph("wizard.storage.keysHint"),
                new HBox(10, testStorage, storageResult));
    }

    private Node auditPage() {
        GridPane grid = grid();
        addRow(grid, 0, "setup.auditUrl", field("auditUrlField", "setup.auditUrl.prompt", wizard.auditUrl(),
                wizard::setAuditUrl), SetupWizard.Field.AUDIT_URL);
        auditToken.setId("auditTokenField");
        auditToken.setPromptText(Messages.text("wizard.auditToken.prompt"));
        addRow(grid, 1, "wizard.auditToken", auditToken, SetupWizard.Field.AUDIT_TOKEN);
        addRow(grid, 2, "setup.tokenFile", tokenFileRow(), SetupWizard.Field.TOKEN_FILE);

        testAudit.setId("testAuditButton");
        testAudit.setAccessibleText(Messages.text("wizard.audit.test.accessible"));
        result(auditResult, "auditTestResult");
        return new VBox(12, paragraph("wizard.audit.intro"), grid, new HBox(10, testAudit, auditResult));
    }

    private Node passphrasePage() {
        GridPane grid = grid();
        passphrase.setId("passphraseField");
        addRow(grid, 0, "setup.passphrase", passphrase, SetupWizard.Field.PASSPHRASE);
        confirmation.setId("confirmationField");
        Label confirmationLabel = addRow(grid, 1, "setup.confirmation", confirmation, SetupWizard.Field.CONFIRMATION);
        confirmation.visibleProperty().bind(create.selectedProperty());
        confirmationLabel.visibleProperty().bind(create.selectedProperty());

        passphraseRule.setId("passphraseRule");
        passphraseRule.setWrapText(true);
        passphraseRule.textProperty().bind(create.selectedProperty().map(isNew -> isNew
                ? Messages.text("wizard.passphrase.createRule", VaultAccess.MIN_PASSPHRASE_LENGTH)
                : Messages.text("wizard.passphrase.joinRule")));
        setupProblem.setId("setupProblem");
        setupProblem.getStyleClass().add("problem");
        setupProblem.setWrapText(true);
        return new VBox(12, passphraseRule, grid, setupProblem);
    }

    private Node recoveryPage() {
        recoveryKey.setId("recoveryKey");
        recoveryKey.setEditable(false);
        recoveryKey.setPrefColumnCount(40);
        recoveryKey.setAccessibleText(Messages.text("recovery.key.accessible"));
        Button copy = new Button(Messages.text("wizard.recovery.copy"));
        copy.setId("copyRecoveryKey");
        copy.setAccessibleText(Messages.text("wizard.recovery.copy.accessible"));
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(recoveryKey.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox.setHgrow(recoveryKey, Priority.ALWAYS);

        recoveryStored.setId("recoveryStoredCheck");
        recoveryStored.selectedProperty().addListener((property, was, isNow) -> wizard.setRecoveryKeyStored(isNow));
        Label storedProblem = problems.get(SetupWizard.Field.RECOVERY_KEY_STORED);
        storedProblem.setId("recoveryStoredCheckProblem");
        return new VBox(12, paragraph("recovery.key.header"), new HBox(8, recoveryKey, copy),
                paragraph("wizard.recovery.instructions"), recoveryStored, storedProblem);
    }

    private Node tokenFileRow() {
        TextField path = field("tokenFileField", "setup.tokenFile.prompt", wizard.auditTokenFile(),
                wizard::setAuditTokenFile);
        Button choose = new Button(Messages.text("setup.tokenFile.choose"));
        choose.setId("chooseTokenFile");
        choose.setAccessibleText(Messages.text("setup.tokenFile.choose.accessible"));
        choose.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.text("setup.tokenFile.chooserTitle"));
            File chosen = chooser.showOpenDialog(choose.getScene().getWindow());
            if (chosen != null) {
                path.setText(chosen.getPath());
            }
        });
        HBox.setHgrow(path, Priority.ALWAYS);
        return new HBox(6, path, choose);
    }

    private static TextField field(String id, String promptKey, String value, Consumer<String> onChange) {
        TextField field = new TextField(value);
        field.setId(id);
        field.setPromptText(Messages.text(promptKey));
        field.textProperty().addListener((property, was, isNow) -> onChange.accept(isNow));
        return field;
    }

    /**
     * Adds a labelled row with the field's problem message beside it. The label's mnemonic focuses the
     * field, and its accessible text names the field.
     */
    private Label addRow(GridPane grid, int row, String key, Node field, SetupWizard.Field problemOf) {
        Label label = new Label(Messages.text(key));
        label.setMnemonicParsing(true);
        Node target = field instanceof HBox box ? box.getChildren().get(0) : field;
        label.setLabelFor(target);
        target.setAccessibleText(Messages.text(key + ".accessible"));
        Label problem = problems.get(problemOf);
        if (target instanceof TextInputControl input) {
            problem.setId(input.getId() + "Problem");
        }
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        grid.add(problem, 2, row);
        return label;
    }

    private static void result(Label label, String id) {
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(460);
    }

    private static Label paragraph(String key) {
        Label text = new Label(Messages.text(key));
        text.setWrapText(true);
        return text;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form");
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grow.setMinWidth(260);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), grow, new ColumnConstraints());
        return grid;
    }
}
