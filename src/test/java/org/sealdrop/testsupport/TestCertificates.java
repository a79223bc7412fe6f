package org.sealdrop.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.sealdrop.selftest.SelfSignedCertificate;

/**
 * A self-signed TLS server certificate made in the test by {@link SelfSignedCertificate}, with the key
 * and trust stores that the audit receiver and sender read. Nothing is fetched or installed outside the
 * given folder.
 *
 * @param keyPair the EC P-256 key pair of the certificate
 * @param certificate the self-signed certificate, valid from an hour ago for one day
 */
public record TestCertificates(KeyPair keyPair, X509Certificate certificate) {

    /**
     * Makes a self-signed server certificate for {@code names}: IP literals become IP address entries of
     * the subject alternative name, anything else a DNS name.
     */
    public static TestCertificates selfSigned(String... names) throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.create(names);
        return new TestCertificates(made.keyPair(), made.certificate());
    }

    /** Writes a PKCS12 key store with the private key and certificate under {@code password}, as the receiver reads it. */
    public Path writeKeyStore(Path file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("audit-receiver", keyPair.getPrivate(), password, new X509Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    /** Writes the certificate as PEM, as a clinic's CA certificate arrives. */
    public Path writePem(Path file) throws Exception {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n",
                StandardCharsets.US_ASCII);
        return file;
    }

    /**
     * Writes a password-less PKCS12 trust store with this certificate by running the JDK's keytool with
     * the options that AUDIT.md gives IT.
     */
    public Path writeTrustStore(Path file) throws Exception {
        Path pem = writePem(file.resolveSibling(file.getFileName() + ".pem"));
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-importcert", "-noprompt", "-alias", "clinic-ca",
                "-file", pem.toString(), "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "unused",
                "-J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE", "-J-Dkeystore.pkcs12.macAlgorithm=NONE")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool failed: " + output);
        }
        return file;
    }

    /** Returns 127.0.0.1 without a name lookup. */
    public static InetAddress loopback() throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    }
}
