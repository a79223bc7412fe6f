package org.sealdrop.selftest;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed TLS server certificate with an EC P-256 key, made at run time for the self-test's
 * HTTPS receiver and for tests. It is valid from an hour ago for one day and is never stored outside
 * the folder its caller names.
 *
 * @param keyPair the key pair whose public key the certificate contains
 * @param certificate the self-signed certificate
 */
public record SelfSignedCertificate(KeyPair keyPair, X509Certificate certificate) {

    private static final String KEY_ALIAS = "server";

    /**
     * Makes a certificate for {@code names}: IP literals become IP address entries of the subject
     * alternative name, anything else a DNS name. The first name is also the common name.
     *
     * @throws GeneralSecurityException when the runtime lacks EC key generation or ECDSA signing
     */
    public static SelfSignedCertificate create(String... names) throws GeneralSecurityException {
        if (names.length == 0) {
            throw new IllegalArgumentException("A certificate needs at least one host name or IP address.");
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keyPair = generator.generateKeyPair();

        List<GeneralName> alternativeNames = new ArrayList<>();
        for (String name : names) {
            boolean ip = name.matches("[0-9.]+") || name.contains(":");
            alternativeNames.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        X500Name subject = new X500Name("CN=" + names[0] + ",O=SealDrop self-signed");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), subject, keyPair.getPublic());
        try {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(alternativeNames.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
            return new SelfSignedCertificate(keyPair, certificate);
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("The self-signed certificate could not be built.", e);
        }
    }

    /**
     * Writes a PKCS12 key store with the private key and certificate under {@code password}, as
     * {@code sealdrop audit-server --tls-keystore} reads it, and returns {@code file}.
     */
    public Path writeKeyStore(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(KEY_ALIAS, keyPair.getPrivate(), password, new X509Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    /** Returns a TLS client context that trusts this certificate and no other. */
    public SSLContext trustingOnlyThis() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry(KEY_ALIAS, certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
