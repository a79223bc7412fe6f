package org.sealdrop.doctor;

import java.util.Arrays;
import org.sealdrop.SealDropException;
import org.sealdrop.app.AuditReceiverCheck;
import org.sealdrop.app.AuditTokens;
import org.sealdrop.config.Settings;

/** The audit receiver accepts {@code GET /v1/status} with this computer's token, the same test the first-run wizard runs. */
public final class AuditCheck implements DoctorCheck {

    static final String NAME = "audit receiver";

    private final Settings settings;

    public AuditCheck(Settings settings) {
        this.settings = settings;
    }

    @Override
    public CheckResult run() {
        if (settings.auditUrl() == null) {
            return CheckResult.fail(NAME, "No audit URL is set.", "Run `sealdrop init` again with --audit-url.");
        }
        char[] token = null;
        try {
            token = settings.auditTokenFile() == null ? null : AuditTokens.read(settings.auditTokenFile());
            AuditReceiverCheck.check(settings.auditUrl(), token, settings.auditTrustStore());
            return CheckResult.ok(NAME, settings.auditUrl() + " accepts the token");
        } catch (SealDropException e) {
            return CheckResult.fail(NAME, e.errorCode() + ": " + e.getMessage(), fix(e.errorCode()));
        } finally {
            if (token != null) {
                Arrays.fill(token, '\0');
            }
        }
    }

    private static String fix(String errorCode) {
        return switch (errorCode) {
            case "SD-AUDIT-TOKEN" -> "Put the token from IT on the first line of the audit token file, "
                    + "or run `sealdrop init` again with the right --audit-token-file.";
            case "SD-AUDIT-TLS" -> "Check the audit URL; ask IT whether the receiver's certificate is trusted here.";
            case "SD-AUDIT-UNREACHABLE" -> "Check the network connection and the audit URL; ask IT whether the "
                    + "receiver is running.";
            default -> "Check the audit URL in the settings and tell IT the error code.";
        };
    }
}
