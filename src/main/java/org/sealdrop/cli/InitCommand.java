package org.sealdrop.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sealdrop.app.LocalServices;
import java.util.Optional;
import org.sealdrop.app.ServiceOptions;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.config.Settings;
import org.sealdrop.config.SettingsFile;
import org.sealdrop.app.SetUpResult;
import org.sealdrop.app.VaultSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sealdrop init}: creates the vault in the bucket, or joins the one already there. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a vault in the bucket, or join the vault already there, and unlock it once to check the passphrase.")
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    SealDropCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "S3 endpoint; https:// except for 127.0.0.1 or localhost. Required unless IT sets it"
                    + " in the managed settings file.")
    URI endpoint;

    @Option(names = "--bucket", paramLabel = "NAME",
            description = "Bucket that contains the vault. Required unless IT sets it in the managed settings file.")
    String bucket;

    @Option(names = "--prefix", paramLabel = "P", description = "Key prefix of the vault in the bucket (default: none).")
    String prefix;

    @Option(names = "--region", paramLabel = "R", description = "S3 signing region (default: us-east-1).")
    String region;

    @Option(names = "--audit-url", paramLabel = "URL",
            description = "Base URL of the audit receiver; events go to URL/v1/events. Required unless IT sets it"
                    + " in the managed settings file.")
    URI auditUrl;

    @Option(names = "--audit-token-file", paramLabel = "F", description = "File whose first line is the audit receiver's bearer token.")
    Path auditTokenFile;

    @Option(names = "--audit-trust-store", paramLabel = "FILE.p12",
            description = "PKCS12 trust store without password holding the CA of an HTTPS audit receiver's certificate,"
                    + " such as the clinic's own CA (see docs/AUDIT.md, HTTPS).")
    Path auditTrustStore;

    @Mixin
    PassphraseOption passphrase;

    @Override
    public Integer call() {
        HomeFolder home = parent.home.folder();
        // Checked before the services open, so that a rejected option leaves the home folder as it was.
        InitOptions options = new InitOptions(ManagedSettings.load());
        VaultSetup setup = options.resolve(endpoint, region, bucket, prefix, auditUrl,
                auditTokenFile == null ? null : auditTokenFile.toAbsolutePath());
        options.checkTrustStore(auditTrustStore);
        refuseAnotherVault(home, setup);
        try (LocalServices services = LocalServices.open(home, ServiceOptions.defaults())) {
            try (SetUpResult result = services.vault().setUpVault(setup, passphrase.read("New vault passphrase: "), true)) {
                if (auditTrustStore != null) {
                    // Before the flush below, so that the set-up's own events already go through the trust store.
                    services.reconfigure(services.settings().orElseThrow()
                            .withAuditTrustStore(auditTrustStore.toAbsolutePath()));
                }
                services.vault().lock();
                services.flushAudit(java.time.Duration.ofSeconds(10));
                spec.commandLine().getOut().println((result.created() ? "Created a new vault in " : "Joined the vault in ")
                        + services.vault().describe() + "; settings are in " + services.home().root() + ".");
                if (result.hasRecoveryKey()) {
                    VaultCommand.printRecoveryKey(spec.commandLine().getOut(), result.recoveryKey());
                }
            }
        }
        if (auditTokenFile == null) {
            spec.commandLine().getErr().println("sealdrop: no --audit-token-file was given, so a receiver that checks"
                    + " tokens (as `sealdrop audit-server` does) rejects the events with HTTP 401 and they stay queued;"
                    + " run `sealdrop init` again with --audit-token-file FILE.");
        }
        return 0;
    }

    /**
     * Rejects {@code init} for another bucket, prefix or endpoint on a home folder that already belongs
     * to a vault: its index and key file would no longer match, and every document would then fail as
     * altered. Running it again for the same vault re-fetches the key file and is allowed.
     */
    private void refuseAnotherVault(HomeFolder home, VaultSetup setup) {
        Optional<Settings> existing = SettingsFile.read(home.settingsFile());
        if (existing.isEmpty()) {
            return;
        }
        Settings current = existing.get();
        Settings requested = Settings.of(setup.endpoint(), setup.region(), setup.bucket(), setup.prefix(),
                setup.auditUrl(), null);
        if (!current.bucket().equals(requested.bucket()) || !current.prefix().equals(requested.prefix())
                || !current.endpoint().equals(requested.endpoint())) {
            throw new UsageException("The home folder " + home.root() + " already belongs to the vault " + current.bucket()
                    + "/" + current.prefix() + " at " + current.endpoint() + "; pass another --home for another vault.");
        }
    }
}
