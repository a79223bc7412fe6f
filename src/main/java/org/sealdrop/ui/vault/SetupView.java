package org.sealdrop.ui.vault;

import java.io.File;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.sealdrop.app.SetUpResult;
import org.sealdrop.app.VaultAccess;
import org.sealdrop.app.VaultSetup;
import org.sealdrop.ui.BackgroundTasks;
import org.sealdrop.ui.ErrorDialog;
import org.sealdrop.ui.ErrorReport;
import org.sealdrop.ui.Messages;

/**
 * First-run form: create a vault in a bucket, or join the one already there, with its passphrase.
 *
 * <p>Choosing "join" never creates a vault: when the bucket has none under the prefix, the service
 * fails with {@code SD-NO-VAULT}. Choosing "create" joins a vault that already exists there, and
 * {@code onReady} receives a result whose {@code created()} is false, so the window can report the join.
 */
public final class SetupView {

    private final SetupForm form = new SetupForm();
    private final VaultAccess vault;
    private final Executor executor;
    private final Consumer<SetUpResult> onReady;

    private final PasswordField passphrase = new PasswordField();
    private final PasswordField confirmation = new PasswordField();
    private final Label problems = new Label();
    private final ProgressIndicator working = new ProgressIndicator();
    private final Button submit = new Button();
    private final VBox root;

    /**
     * @param onReady called on the application thread with the outcome; it shows a new vault's
     *     recovery key once and then closes the result to wipe it
     */
    public SetupView(VaultAccess vault, Executor executor, Consumer<SetUpResult> onReady) {
        this.vault = vault;
        this.executor = executor;
        this.onReady = onReady;
        this.root = build();
    }

    public Node root() {
        return root;
    }

    private VBox build() {
        Label title = new Label(Messages.text("setup.title"));
        title.getStyleClass().add("view-title");
        Label intro = new Label(Messages.text("setup.intro"));
        intro.setWrapText(true);

        ToggleGroup mode = new ToggleGroup();
        RadioButton create = new RadioButton(Messages.text("setup.mode.create"));
        RadioButton join = new RadioButton(Messages.text("setup.mode.join"));
        create.setToggleGroup(mode);
        join.setToggleGroup(mode);
        create.setSelected(true);
        form.createNewProperty().bind(create.selectedProperty());
        HBox modes = new HBox(16, create, join);

        GridPane fields = new GridPane();
        fields.getStyleClass().add("form");
        fields.setHgap(10);
        fields.setVgap(8);
        fields.getColumnConstraints().addAll(new ColumnConstraints(), grow());
        int row = 0;
        addField(fields, row++, "setup.endpoint", textField(form.endpointProperty(), "setup.endpoint.prompt", "endpointField"));
        addField(fields, row++, "setup.region", textField(form.regionProperty(), "setup.region.prompt", "regionField"));
        addField(fields, row++, "setup.bucket", textField(form.bucketProperty(), "setup.bucket.prompt", "bucketField"));
        addField(fields, row++, "setup.prefix", textField(form.prefixProperty(), "setup.prefix.prompt", "prefixField"));
        addField(fields, row++, "setup.auditUrl", textField(form.auditUrlProperty(), "setup.auditUrl.prompt", "auditUrlField"));
        addField(fields, row++, "setup.tokenFile", tokenFileRow());
        passphrase.setId("passphraseField");
        addField(fields, row++, "setup.passphrase", passphrase);
        confirmation.setId("confirmationField");
        Label confirmationLabel = addField(fields, row, "setup.confirmation", confirmation);
        confirmation.visibleProperty().bind(form.createNewProperty());
        confirmationLabel.visibleProperty().bind(form.createNewProperty());

        problems.setId("setupProblems");
        problems.getStyleClass().add("problem");
        problems.setWrapText(true);
        working.setVisible(false);
        working.setPrefSize(24, 24);
        submit.setId("setupButton");
        submit.setDefaultButton(true);
        submit.textProperty().bind(form.createNewProperty().map(isNew ->
                Messages.text(isNew ? "setup.submit.create" : "setup.submit.join")));
        submit.setOnAction(event -> submit());
        HBox actions = new HBox(10, working, submit);
        actions.setAlignment(Pos.CENTER_RIGHT);

        VBox box = new VBox(12, title, intro, modes, fields, problems, actions);
        box.getStyleClass().add("dialog-view");
        box.setPadding(new Insets(24));
        box.setMaxWidth(640);
        return box;
    }

    private Node tokenFileRow() {
        TextField path = textField(form.auditTokenFileProperty(), "setup.tokenFile.prompt", "tokenFileField");
        Button choose = new Button(Messages.text("setup.tokenFile.choose"));
        choose.setAccessibleText(Messages.text("setup.tokenFile.choose.accessible"));
        choose.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.text("setup.tokenFile.chooserTitle"));
            File chosen = chooser.showOpenDialog(root.getScene().getWindow());
            if (chosen != null) {
                form.auditTokenFileProperty().set(chosen.getPath());
            }
        });
        HBox.setHgrow(path, Priority.ALWAYS);
        return new HBox(6, path, choose);
    }

    private void submit() {
        List<String> found = form.validate(passphrase.getCharacters(), confirmation.getCharacters());
        if (!found.isEmpty()) {
            problems.setText(String.join("\n", found));
            return;
        }
        problems.setText("");
        VaultSetup setup = form.toVaultSetup();
        boolean mayCreate = form.createNewProperty().get();
        char[] typed = Passphrases.take(passphrase);
        confirmation.clear();
        setWorking(true);

        BackgroundTasks.run(executor, () -> {
            try {
                return vault.setUpVault(setup, typed, mayCreate);
            } finally {
                Passphrases.wipe(typed);
            }
        }, result -> {
            setWorking(false);
            onReady.accept(result);
        }, failure -> {
            setWorking(false);
            ErrorReport report = ErrorReport.of(failure);
            problems.setText(report.text());
            if (!ErrorReport.WRONG_PASSPHRASE.equals(report.code())) {
                ErrorDialog.show(root.getScene().getWindow(), "vault setup", failure);
            }
            passphrase.requestFocus();
        });
    }

    private void setWorking(boolean isWorking) {
        working.setVisible(isWorking);
        root.lookupAll(".text-field").forEach(field -> field.setDisable(isWorking));
        submit.setDisable(isWorking);
    }

    private static TextField textField(javafx.beans.property.StringProperty value, String promptKey, String id) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        field.setPromptText(Messages.text(promptKey));
        return field;
    }

    /** Adds a labelled row; the label's mnemonic focuses the field and its text is the accessible text. */
    private static Label addField(GridPane grid, int row, String key, Node field) {
        Label label = new Label(Messages.text(key));
        label.setMnemonicParsing(true);
        Node target = field instanceof HBox ? ((HBox) field).getChildren().get(0) : field;
        label.setLabelFor(target);
        target.setAccessibleText(Messages.text(key + ".accessible"));
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        return label;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        return column;
    }
}
