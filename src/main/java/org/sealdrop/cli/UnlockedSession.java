package org.sealdrop.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.ServiceOptions;
import org.sealdrop.config.HomeFolder;

/**
 * The services of a home folder with the vault unlocked, for one document command. Closing it
 * gives the audit sender a few seconds to deliver the command's events; any left stay in the
 * outbox for the next run, and the command prints how many.
 */
final class UnlockedSession implements AutoCloseable {

    private static final Duration AUDIT_FLUSH_TIMEOUT = Duration.ofSeconds(10);

    private final LocalServices services;
    private final PrintWriter err;

    private UnlockedSession(LocalServices services, PrintWriter err) {
        this.services = services;
        this.err = err;
    }

    static UnlockedSession open(HomeFolder home, PassphraseOption passphrase, PrintWriter err) {
        LocalServices services = LocalServices.open(ConfiguredHome.require(home), ServiceOptions.defaults());
        try {
            services.vault().unlock(passphrase.read("Vault passphrase: "));
            services.vault().unlockNotice().ifPresent(notice -> err.println("sealdrop: " + notice));
            return new UnlockedSession(services, err);
        } catch (RuntimeException e) {
            services.flushAudit(AUDIT_FLUSH_TIMEOUT);
            services.close();
            throw e;
        }
    }

    DocumentService documents() {
        return services.documents();
    }

    @Override
    public void close() {
        try {
            services.vault().lock();
            if (!services.flushAudit(AUDIT_FLUSH_TIMEOUT)) {
                err.println(UndeliveredAudit.describe(services.auditTrail()));
            }
        } finally {
            services.close();
        }
    }
}
