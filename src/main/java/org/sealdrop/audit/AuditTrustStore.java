package org.sealdrop.audit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.sealdrop.SealDropException;

/**
 * The CA certificates that the audit sender trusts in place of the JDK's: a PKCS12 trust store such as
 * one with a clinic's private CA. Certificates are still checked with PKIX and the host name is still
 * matched against the certificate, so only the set of trusted CAs changes.
 *
 * <p>The store is opened without a password, because it holds only public certificates. A PKCS12 file
 * whose certificates are encrypted under a password therefore looks empty and is rejected.
 */
public final class AuditTrustStore {

    /** The {@code keytool} command in messages that creates a store this class can read. */
    static final String KEYTOOL_HINT = "keytool -importcert -noprompt -alias clinic-ca -file ca.pem -storetype PKCS12"
            + " -keystore audit-trust.p12 -storepass unused -J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE"
            + " -J-Dkeystore.pkcs12.macAlgorithm=NONE";

    private AuditTrustStore() {
    }

    /**
     * Returns a TLS context that trusts exactly the certificates in {@code file}.
     *
     * @throws SealDropException with code {@code SD-AUDIT-TRUST} when the file cannot be read, is no
     *     PKCS12 file or contains no certificate readable without a password
     */
    public static SSLContext load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SealDropException("SD-AUDIT-TRUST", "The audit trust store " + file
                    + " does not exist; correct auditTrustStore in settings.json or ask IT for the file.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, null);
            if (!containsCertificate(store)) {
                throw new SealDropException("SD-AUDIT-TRUST", "The audit trust store " + file
                        + " contains no certificate readable without a password; create it with `" + KEYTOOL_HINT
                        + "`.");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new SealDropException("SD-AUDIT-TRUST", "The audit trust store " + file + " could not be read ("
                    + e.getClass().getSimpleName() + "); it must be a PKCS12 file, such as one made with `"
                    + KEYTOOL_HINT + "`.", e);
        }
    }

    /** Returns the sentence logged when the receiver's certificate was rejected, naming the URL and the fix. */
    static String certificateRejectedMessage(URI eventsUri) {
        return "The TLS certificate of the audit receiver at " + eventsUri + " was rejected: it is not issued by a"
                + " trusted CA, has expired or does not name this host. Set auditTrustStore in settings.json to a"
                + " PKCS12 file with the clinic's CA certificate, or give the receiver a certificate for this host name.";
    }

    private static boolean containsCertificate(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isCertificateEntry(alias)) {
                return true;
            }
        }
        return false;
    }
}
