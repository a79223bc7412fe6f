package org.sealdrop.ui.vault;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.sealdrop.app.SetUpResult;
import org.sealdrop.app.SetupCredentials;
import org.sealdrop.app.VaultAccess;
import org.sealdrop.app.VaultSetup;
import org.sealdrop.ui.BackgroundTasks;
import org.sealdrop.ui.ErrorDialog;
import org.sealdrop.ui.ErrorReport;
import org.sealdrop.ui.Messages;

/**
 * The first-run wizard: create a vault or join one, storage (with "Test connection"), audit receiver
 * (with "Test audit endpoint"), passphrase, and for a new vault its recovery key, which the user must
 * confirm having stored before Finish. Enter is Next and Escape is Back.
 *
 * <p>Choosing "join" never creates a vault: when the bucket has none under the prefix, the service
 * fails with {@code SD-NO-VAULT}. Choosing "create" joins a vault that already exists there, and
 * {@code onReady} receives a result whose {@code created()} is false, so the window can report the join.
 */
public final class SetupView {

    private final SetupWizard wizard = new SetupWizard();
    private final WizardPages pages = new WizardPages(wizard);
    private final VaultAccess vault;
    private final Executor executor;
    private final Consumer<SetUpResult> onReady;

    private final Label stepTitle = new Label();
    private final StackPane page = new StackPane();
    private final ProgressIndicator working = new ProgressIndicator();
    private final Button back = new Button(Messages.text("wizard.back"));
    private final Button next = new Button();
    private final VBox root;
    private SetUpResult created;

    /**
     * @param onReady called on the application thread once the vault is set up. For a new vault it is
     *     called after the user confirmed storing the recovery key, and the key in the result is wiped.
     */
    public SetupView(VaultAccess vault, Executor executor, Consumer<SetUpResult> onReady) {
        this.vault = vault;
        this.executor = executor;
        this.onReady = onReady;
        this.root = build();
        showStep();
    }

    public Node root() {
        return root;
    }

    private VBox build() {
        Label title = new Label(Messages.text("setup.title"));
        title.getStyleClass().add("view-title");
        stepTitle.setId("wizardStep");
        stepTitle.getStyleClass().add("secondary");

        working.setVisible(false);
        working.setPrefSize(24, 24);
        back.setId("wizardBack");
        back.setCancelButton(true);
        back.setAccessibleText(Messages.text("wizard.back.accessible"));
        back.setOnAction(event -> goBack());
        next.setId("wizardNext");
        next.setDefaultButton(true);
        next.setOnAction(event -> goNext());
        HBox actions = new HBox(10, working, back, next);
        actions.setAlignment(Pos.CENTER_RIGHT);

        pages.testStorage.setOnAction(event -> testStorage());
        pages.testAudit.setOnAction(event -> testAudit());

        VBox box = new VBox(12, title, stepTitle, page, actions);
        // A focused radio button or check box keeps Enter from reaching the default button, so Enter
        // there is passed to Next here.
        box.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && (event.getTarget() instanceof RadioButton
                    || event.getTarget() instanceof CheckBox)) {
                event.consume();
                next.fire();
            }
        });
        box.getStyleClass().add("dialog-view");
        box.setPadding(new Insets(24));
        box.setMaxWidth(820);
        return box;
    }

    private void showStep() {
        SetupWizard.Step step = wizard.step();
        page.getChildren().setAll(pages.pages.get(step));
        stepTitle.setText(Messages.text("wizard.step", wizard.stepNumber(), wizard.steps().size(),
                Messages.text("wizard.step." + step.name())));
        back.setDisable(!wizard.canGoBack());
        back.setVisible(step != SetupWizard.Step.RECOVERY_KEY);
        String nextKey = wizard.isLastStep() ? "wizard.finish"
                : wizard.setsUpVault() ? "wizard.createVault" : "wizard.next";
        next.setText(Messages.text(nextKey));
        // The text carries a mnemonic underscore, which a screen reader would read out.
        next.setAccessibleText(next.getText().replace("_", ""));
    }

    private void goBack() {
        if (working.isVisible()) {
            return;
        }
        wizard.back();
        showStep();
    }

    private void goNext() {
        if (working.isVisible()) {
            return;
        }
        SetupWizard.Step step = wizard.step();
        if (step == SetupWizard.Step.RECOVERY_KEY) {
            finishCreated();
            return;
        }
        if (wizard.setsUpVault()) {
            setUp();
            return;
        }
        Map<SetupWizard.Field, String> found = wizard.next(typed());
        pages.showProblems(found);
        showStep();
    }

    private void testStorage() {
        Map<SetupWizard.Field, String> found = wizard.validateStorage(typed());
        pages.showProblems(found);
        if (!found.isEmpty()) {
            return;
        }
        VaultSetup setup = wizard.toVaultSetupForStorage();
        SetupCredentials credentials = credentials(false);
        runCheck(pages.storageResult, () -> vault.testStorage(setup, credentials), credentials,
                Messages.text("wizard.storage.ok", setup.bucket()));
    }

    private void testAudit() {
        Map<SetupWizard.Field, String> found = wizard.validateAudit(typed());
        pages.showProblems(found);
        if (!found.isEmpty()) {
            return;
        }
        VaultSetup setup = wizard.toVaultSetupForAudit();
        SetupCredentials credentials = credentials(true);
        runCheck(pages.auditResult, () -> vault.testAuditReceiver(setup, credentials), credentials,
                Messages.text("wizard.audit.ok"));
    }

    /** Runs a connection test off the application thread and shows its outcome in {@code result}. */
    private void runCheck(Label result, Runnable check, SetupCredentials credentials, String success) {
        result.setText(Messages.text("wizard.testing"));
        result.getStyleClass().removeAll("problem", "success");
        setWorking(true);
        BackgroundTasks.run(executor, () -> {
            try (credentials) {
                check.run();
                return Boolean.TRUE;
            }
        }, passed -> {
            setWorking(false);
            result.getStyleClass().add("success");
            result.setText(success);
        }, failure -> {
            setWorking(false);
            result.getStyleClass().add("problem");
            result.setText(ErrorReport.of(failure).text());
            if (!ErrorReport.of(failure).known()) {
                ErrorDialog.show(root.getScene().getWindow(), "connection test", failure);
            }
        });
    }

    private void setUp() {
        Map<SetupWizard.Field, String> found = wizard.validate(typed());
        pages.showProblems(found);
        if (!found.isEmpty()) {
            return;
        }
        pages.setupProblem.setText("");
        VaultSetup setup = wizard.toVaultSetup();
        boolean mayCreate = wizard.createNew();
        SetupCredentials credentials = credentials(true);
        char[] passphrase = Passphrases.take(pages.passphrase);
        pages.confirmation.clear();
        setWorking(true);

        BackgroundTasks.run(executor, () -> {
            try (credentials) {
                return vault.setUpVault(setup, credentials, passphrase, mayCreate);
            } finally {
                Passphrases.wipe(passphrase);
            }
        }, this::setUpDone, failure -> {
            setWorking(false);
            ErrorReport report = ErrorReport.of(failure);
            if (ErrorReport.WRONG_PASSPHRASE.equals(report.code())) {
                pages.showProblems(Map.of(SetupWizard.Field.PASSPHRASE, report.text()));
            } else {
                pages.setupProblem.setText(report.text());
            }
            if (!report.known()) {
                ErrorDialog.show(root.getScene().getWindow(), "vault setup", failure);
            }
            pages.passphrase.requestFocus();
        });
    }

    private void setUpDone(SetUpResult result) {
        setWorking(false);
        if (!result.hasRecoveryKey()) {
            onReady.accept(result);
            return;
        }
        // NOTE: the text field keeps the key as a String, which cannot be wiped. Clearing the field at
        // Finish drops the reference, so the collector can reclaim it.
        created = result;
        pages.recoveryKey.setText(new String(result.recoveryKey()));
        wizard.vaultCreated();
        showStep();
        pages.recoveryKey.requestFocus();
    }

    private void finishCreated() {
        Map<SetupWizard.Field, String> found = wizard.validate(SetupWizard.Typed.NOTHING);
        pages.showProblems(found);
        if (!found.isEmpty()) {
            return;
        }
        pages.recoveryKey.clear();
        created.close();
        onReady.accept(created);
    }

    private SetupWizard.Typed typed() {
        return new SetupWizard.Typed(pages.secretKey.getCharacters(), pages.auditToken.getCharacters(),
                pages.passphrase.getCharacters(), pages.confirmation.getCharacters());
    }

    /** Copies what the secret fields contain into arrays that the credentials wipe when closed. */
    private SetupCredentials credentials(boolean withToken) {
        char[] token = withToken ? Passphrases.copy(pages.auditToken) : new char[0];
        return new SetupCredentials(wizard.accessKeyId(), Passphrases.copy(pages.secretKey), token);
    }

    private void setWorking(boolean isWorking) {
        working.setVisible(isWorking);
        page.setDisable(isWorking);
        next.setDisable(isWorking);
        back.setDisable(isWorking || !wizard.canGoBack());
    }
}
