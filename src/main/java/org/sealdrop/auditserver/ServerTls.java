package org.sealdrop.auditserver;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.sealdrop.SealDropException;

/**
 * The receiver's TLS set-up: a private key and certificate chain from a PKCS12 key store, served with
 * TLS 1.3 or 1.2 only.
 */
public final class ServerTls {

    /** Protocols offered, newest first. TLS 1.1 and older are never negotiated. */
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final SSLContext context;

    private ServerTls(SSLContext context) {
        this.context = context;
    }

    /**
     * Loads the key store and builds the TLS context. The password array is not changed; the caller
     * zeroes it.
     *
     * @param keyStore a PKCS12 file with one private key entry and its certificate chain
     * @param password the key store password, which must also be the key entry's password
     * @throws SealDropException with code {@code SD-AUDIT-TLS} when the file is missing, is no PKCS12
     *     file, the password is wrong or the store contains no private key
     */
    public static ServerTls fromPkcs12(Path keyStore, char[] password) {
        if (!Files.isRegularFile(keyStore)) {
            throw new SealDropException("SD-AUDIT-TLS", "The TLS key store " + keyStore
                    + " does not exist; pass the PKCS12 file with the receiver's key and certificate.");
        }
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!containsPrivateKey(store)) {
                throw new SealDropException("SD-AUDIT-TLS", "The TLS key store " + keyStore
                        + " contains no private key; export the receiver's key and certificate chain into it.");
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new ServerTls(context);
        } catch (IOException | GeneralSecurityException e) {
            // KeyStore.load reports a wrong password as an IOException whose cause is UnrecoverableKeyException.
            throw new SealDropException("SD-AUDIT-TLS", "The TLS key store " + keyStore
                    + " could not be read (" + e.getClass().getSimpleName() + "); check that it is a PKCS12 file"
                    + " and that the password file holds its password.", e);
        }
    }

    /** Returns the configurator that limits every connection to {@link #PROTOCOLS}. */
    HttpsConfigurator configurator() {
        return new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                List<String> supported = Arrays.asList(getSSLContext().getSupportedSSLParameters().getProtocols());
                ssl.setProtocols(PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new));
                ssl.setNeedClientAuth(false);
                parameters.setSSLParameters(ssl);
            }
        };
    }

    private static boolean containsPrivateKey(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }
}
