package org.sealdrop.ui.vault;

import java.util.concurrent.Executor;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.sealdrop.app.VaultAccess;
import org.sealdrop.ui.BackgroundTasks;
import org.sealdrop.ui.ErrorDialog;
import org.sealdrop.ui.ErrorReport;
import org.sealdrop.ui.Messages;

/**
 * Passphrase prompt for a locked vault. A wrong passphrase, like every failure that {@code ErrorCatalog}
 * lists as known, is shown under the field with what to do next; other failures also open the error window.
 */
public final class UnlockView {

    private final VaultAccess vault;
    private final Executor executor;
    private final Runnable onUnlocked;

    private final PasswordField passphrase = new PasswordField();
    private final Label problem = new Label();
    private final Label vaultDescription = new Label();
    private final ProgressIndicator working = new ProgressIndicator();
    private final Button unlock = new Button(Messages.text("unlock.submit"));
    private final VBox root;

    /** @param onUnlocked called on the application thread once the vault is unlocked */
    public UnlockView(VaultAccess vault, Executor executor, Runnable onUnlocked) {
        this.vault = vault;
        this.executor = executor;
        this.onUnlocked = onUnlocked;
        this.root = build();
        loadDescription();
    }

    public Node root() {
        return root;
    }

    /** Puts the keyboard focus in the passphrase field; call once the view is in a showing scene. */
    public void focus() {
        passphrase.requestFocus();
    }

    private VBox build() {
        Label title = new Label(Messages.text("unlock.title"));
        title.getStyleClass().add("view-title");
        vaultDescription.setId("unlockVaultDescription");
        vaultDescription.getStyleClass().add("secondary");
        vaultDescription.setWrapText(true);

        Label prompt = new Label(Messages.text("unlock.passphrase"));
        prompt.setMnemonicParsing(true);
        prompt.setLabelFor(passphrase);
        passphrase.setId("unlockPassphrase");
        passphrase.setAccessibleText(Messages.text("unlock.passphrase.accessible"));
        passphrase.setPrefColumnCount(24);

        problem.setId("unlockProblem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);

        working.setVisible(false);
        working.setPrefSize(24, 24);
        unlock.setId("unlockButton");
        unlock.setDefaultButton(true);
        unlock.setAccessibleText(Messages.text("unlock.submit.accessible"));
        unlock.setOnAction(event -> submit());
        HBox actions = new HBox(10, working, unlock);
        actions.setAlignment(Pos.CENTER_RIGHT);

        VBox box = new VBox(12, title, vaultDescription, prompt, passphrase, problem, actions);
        box.getStyleClass().add("dialog-view");
        box.setPadding(new Insets(24));
        box.setMaxWidth(480);
        return box;
    }

    private void loadDescription() {
        BackgroundTasks.run(executor, vault::describe, vaultDescription::setText,
                failure -> vaultDescription.setText(""));
    }

    private void submit() {
        if (passphrase.getCharacters().length() == 0) {
            problem.setText(Messages.text("unlock.passphraseMissing"));
            return;
        }
        char[] typed = Passphrases.take(passphrase);
        problem.setText("");
        setWorking(true);

        BackgroundTasks.run(executor, () -> {
            try {
                vault.unlock(typed);
                return Boolean.TRUE;
            } finally {
                Passphrases.wipe(typed);
            }
        }, unlocked -> {
            setWorking(false);
            onUnlocked.run();
        }, failure -> {
            setWorking(false);
            ErrorReport report = ErrorReport.of(failure);
            problem.setText(report.text());
            if (!report.known()) {
                ErrorDialog.show(root.getScene().getWindow(), "unlock", failure);
            }
            passphrase.requestFocus();
        });
    }

    private void setWorking(boolean isWorking) {
        working.setVisible(isWorking);
        passphrase.setDisable(isWorking);
        unlock.setDisable(isWorking);
    }
}
