package org.sealdrop.ui.vault;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sealdrop.app.VaultAccess;
import org.sealdrop.app.VaultSetup;
import org.sealdrop.ui.Messages;

/**
 * View model of the first-run wizard, without JavaFX: the steps, the values typed so far, and the
 * checks each step makes before Next. Secrets are never stored here; the view passes what its
 * password fields contain to {@link #validate} as {@link Typed}.
 *
 * <p>Creating a vault has five steps (mode, storage, audit, passphrase, recovery key); joining one has
 * the first four. The vault is created or joined when the passphrase step is left, so Back is not
 * offered on the recovery key step. The vault service repeats the checks that matter for security.
 */
public final class SetupWizard {

    /** Signing region used when the user leaves the field as it is. */
    public static final String DEFAULT_REGION = "us-east-1";

    /** The wizard's pages, in order. */
    public enum Step { MODE, STORAGE, AUDIT, PASSPHRASE, RECOVERY_KEY }

    /** Inputs that can carry a validation message. */
    public enum Field {
        ENDPOINT, REGION, BUCKET, PREFIX, ACCESS_KEY, SECRET_KEY, AUDIT_URL, AUDIT_TOKEN, TOKEN_FILE, PASSPHRASE,
        CONFIRMATION, RECOVERY_KEY_STORED
    }

    /** The contents of the password fields at the time of a check; none is kept. */
    public record Typed(CharSequence secretKey, CharSequence auditToken, CharSequence passphrase,
            CharSequence confirmation) {

        public static final Typed NOTHING = new Typed("", "", "", "");
    }

    private Step step = Step.MODE;
    private boolean createNew = true;
    private String endpoint = "";
    private String region = DEFAULT_REGION;
    private String bucket = "";
    private String prefix = "";
    private String accessKeyId = "";
    private String auditUrl = "";
    private String auditTokenFile = "";
    private boolean recoveryKeyStored;

    public Step step() {
        return step;
    }

    /** Returns the steps of the chosen mode, in order. */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>(List.of(Step.MODE, Step.STORAGE, Step.AUDIT, Step.PASSPHRASE));
        if (createNew) {
            steps.add(Step.RECOVERY_KEY);
        }
        return steps;
    }

    /** Returns the 1-based number of the current step. */
    public int stepNumber() {
        return steps().indexOf(step) + 1;
    }

    public boolean canGoBack() {
        return step != Step.MODE && step != Step.RECOVERY_KEY;
    }

    /** Tells whether leaving the current step creates or joins the vault. */
    public boolean setsUpVault() {
        return step == Step.PASSPHRASE;
    }

    /** Tells whether leaving the current step ends the wizard. */
    public boolean isLastStep() {
        return step == Step.RECOVERY_KEY || (step == Step.PASSPHRASE && !createNew);
    }

    /**
     * Checks the current step and returns one message per field in trouble; empty when Next may go on.
     */
    public Map<Field, String> validate(Typed typed) {
        Map<Field, String> problems = new EnumMap<>(Field.class);
        switch (step) {
            case STORAGE -> validateStorage(typed, problems);
            case AUDIT -> validateAudit(typed, problems);
            case PASSPHRASE -> validatePassphrase(typed, problems);
            case RECOVERY_KEY -> {
                if (!recoveryKeyStored) {
                    problems.put(Field.RECOVERY_KEY_STORED, Messages.text("wizard.invalid.recoveryNotStored"));
                }
            }
            default -> {
                // The mode step has a choice that is always valid.
            }
        }
        return problems;
    }

    /** Checks the fields that "Test connection" needs. */
    public Map<Field, String> validateStorage(Typed typed) {
        Map<Field, String> problems = new EnumMap<>(Field.class);
        validateStorage(typed, problems);
        return problems;
    }

    /** Checks the fields that "Test audit endpoint" needs. */
    public Map<Field, String> validateAudit(Typed typed) {
        Map<Field, String> problems = new EnumMap<>(Field.class);
        validateAudit(typed, problems);
        return problems;
    }

    /**
     * Moves to the next step when the current one is valid.
     *
     * @return the problems that kept the wizard on the current step; empty when it moved
     * @throws IllegalStateException on the passphrase step, which the view leaves by setting up the
     *     vault and then calling {@link #vaultCreated()}, and on the recovery key step, the last one
     */
    public Map<Field, String> next(Typed typed) {
        if (step == Step.PASSPHRASE || step == Step.RECOVERY_KEY) {
            throw new IllegalStateException("The wizard's step " + step + " ends with the vault set-up, not with Next.");
        }
        Map<Field, String> problems = validate(typed);
        if (!problems.isEmpty()) {
            return problems;
        }
        List<Step> steps = steps();
        int index = steps.indexOf(step);
        step = steps.get(index + 1);
        return problems;
    }

    /** Moves one step back, keeping every value; does nothing where {@link #canGoBack()} is false. */
    public void back() {
        if (canGoBack()) {
            List<Step> steps = steps();
            step = steps.get(steps.indexOf(step) - 1);
        }
    }

    /** Builds the set-up from the values of a wizard whose storage and audit steps passed validation. */
    public VaultSetup toVaultSetup() {
        Path tokenFile = auditTokenFile.isBlank() ? null : SetupFields.parsePath(auditTokenFile);
        return new VaultSetup(SetupFields.parseUri(endpoint), region.trim(), bucket.trim(), cleanPrefix(),
                SetupFields.parseUri(auditUrl), tokenFile);
    }

    /** Builds a set-up with only the storage values, for "Test connection" after {@link #validateStorage}. */
    public VaultSetup toVaultSetupForStorage() {
        return new VaultSetup(SetupFields.parseUri(endpoint), region.trim(), bucket.trim(), cleanPrefix(), null, null);
    }

    /** Builds a set-up with only the audit values, for "Test audit endpoint" after {@link #validateAudit}. */
    public VaultSetup toVaultSetupForAudit() {
        Path tokenFile = auditTokenFile.isBlank() ? null : SetupFields.parsePath(auditTokenFile);
        return new VaultSetup(null, null, null, null, SetupFields.parseUri(auditUrl), tokenFile);
    }

    private String cleanPrefix() {
        String clean = prefix.trim();
        while (clean.startsWith("/")) {
            clean = clean.substring(1);
        }
        return clean;
    }

    private void validateStorage(Typed typed, Map<Field, String> problems) {
        SetupFields.checkUrl(endpoint, "setup.endpoint.name", Field.ENDPOINT, problems);
        SetupFields.checkRegion(region, problems);
        SetupFields.checkBucket(bucket, problems);
        SetupFields.checkAccessKeys(accessKeyId, typed.secretKey(), problems);
    }

    private void validateAudit(Typed typed, Map<Field, String> problems) {
        SetupFields.checkUrl(auditUrl, "setup.auditUrl.name", Field.AUDIT_URL, problems);
        SetupFields.checkToken(typed.auditToken(), problems);
        SetupFields.checkTokenFile(auditTokenFile, problems);
        if (typed.auditToken().length() > 0 && !auditTokenFile.isBlank()) {
            problems.put(Field.TOKEN_FILE, Messages.text("wizard.invalid.tokenTwice"));
        }
    }

    private void validatePassphrase(Typed typed, Map<Field, String> problems) {
        if (typed.passphrase().length() == 0) {
            problems.put(Field.PASSPHRASE, Messages.text("setup.invalid.passphraseMissing"));
            return;
        }
        if (!createNew) {
            return;
        }
        if (typed.passphrase().length() < VaultAccess.MIN_PASSPHRASE_LENGTH) {
            problems.put(Field.PASSPHRASE, Messages.text("wizard.invalid.passphraseShort",
                    VaultAccess.MIN_PASSPHRASE_LENGTH, typed.passphrase().length()));
        } else if (!Passphrases.sameCharacters(typed.passphrase(), typed.confirmation())) {
            problems.put(Field.CONFIRMATION, Messages.text("setup.invalid.passphraseMismatch"));
        }
    }

    public boolean createNew() {
        return createNew;
    }

    /** Chooses creating ({@code true}) or joining; only on the first step, because it changes the steps. */
    public void setCreateNew(boolean value) {
        if (step == Step.MODE) {
            createNew = value;
        }
    }

    public String endpoint() {
        return endpoint;
    }

    public void setEndpoint(String value) {
        endpoint = value;
    }

    public String region() {
        return region;
    }

    public void setRegion(String value) {
        region = value;
    }

    public String bucket() {
        return bucket;
    }

    public void setBucket(String value) {
        bucket = value;
    }

    public String prefix() {
        return prefix;
    }

    public void setPrefix(String value) {
        prefix = value;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public void setAccessKeyId(String value) {
        accessKeyId = value;
    }

    public String auditUrl() {
        return auditUrl;
    }

    public void setAuditUrl(String value) {
        auditUrl = value;
    }

    public String auditTokenFile() {
        return auditTokenFile;
    }

    public void setAuditTokenFile(String value) {
        auditTokenFile = value;
    }

    public boolean recoveryKeyStored() {
        return recoveryKeyStored;
    }

    public void setRecoveryKeyStored(boolean value) {
        recoveryKeyStored = value;
    }

    /** Moves to the recovery key step once a new vault was created; call after the passphrase step. */
    public void vaultCreated() {
        if (step == Step.PASSPHRASE && createNew) {
            step = Step.RECOVERY_KEY;
        }
    }
}
