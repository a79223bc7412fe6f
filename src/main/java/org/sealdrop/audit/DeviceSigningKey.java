package org.sealdrop.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.sealdrop.SealDropException;

/**
 * The Ed25519 key pair with which one home folder signs its audit events.
 *
 * <p>The private key lives in an owner-only file in the home folder, outside the vault, because the
 * device must sign unlock-failed and lock events while the vault is locked. The file has two lines,
 * {@code ed25519-private-key <base64 of the 32-byte seed>} and {@code ed25519-public-key <base64 of
 * the 32-byte public key>} (RFC 8032 encodings, base64 as in RFC 4648 section 4 with padding).
 */
public final class DeviceSigningKey {

    /** DER prefix of a PKCS#8 Ed25519 private key, followed by the 32-byte seed (RFC 8410). */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    /** DER prefix of an X.509 Ed25519 public key, followed by the 32-byte key (RFC 8410). */
    static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    static final int KEY_BYTES = 32;

    private static final String PRIVATE_LABEL = "ed25519-private-key ";
    private static final String PUBLIC_LABEL = "ed25519-public-key ";

    private final PrivateKey privateKey;
    private final byte[] publicKey;

    private DeviceSigningKey(PrivateKey privateKey, byte[] publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey.clone();
    }

    /**
     * Reads the key pair from {@code file}, or creates a new one there, readable by its owner only,
     * when the file is missing.
     *
     * @throws SealDropException with code {@code SD-DEVICE-KEY} when the file cannot be read, is
     *     damaged, or cannot be created
     */
    public static DeviceSigningKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
            throw new SealDropException("SD-DEVICE-KEY", "The device signing key file " + file
                    + " could not be read or created; restore it from a backup, or delete it together with the"
                    + " device-id file so that this computer starts a new audit chain under a new device id.", e);
        }
    }

    /** Generates a new key pair that lives in memory only. {@link #loadOrCreate} keeps one in a file. */
    public static DeviceSigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new DeviceSigningKey(pair.getPrivate(), rawPublicKey(pair));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime provides Ed25519.", e);
        }
    }

    /**
     * Builds a key pair from a 32-byte Ed25519 seed (the private key of RFC 8032) and its 32-byte public
     * key. Used for fixed test keys; {@code seed} is not kept.
     *
     * @throws IllegalArgumentException when the seed is not 32 bytes or the public key is not the seed's
     */
    public static DeviceSigningKey fromSeed(byte[] seed, byte[] publicKey) {
        try {
            DeviceSigningKey key = new DeviceSigningKey(privateKeyOf(seed), publicKey);
            key.requireMatchingPair();
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The seed is not a 32-byte Ed25519 private key.", e);
        }
    }

    /** Returns the raw 32-byte public key (RFC 8032 encoding). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Returns the public key as it appears in the {@code publicKey} field of an event: base64 with padding. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    /** Returns the 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime provides Ed25519.", e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - KEY_BYTES, pkcs8.length);
        byte[] publicKey = rawPublicKey(pair);
        String content = PRIVATE_LABEL + Base64.getEncoder().encodeToString(seed) + "\n"
                + PUBLIC_LABEL + Base64.getEncoder().encodeToString(publicKey) + "\n";
        Arrays.fill(seed, (byte) 0);
        Arrays.fill(pkcs8, (byte) 0);

        // The temporary file is owner-only before the key is written into it, and the move keeps a
        // reader from ever seeing half a file.
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = parent.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            // NOTE: on file systems without POSIX permissions (Windows) the file keeps the folder's ACL.
            Files.createFile(temporary);
        }
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another SealDrop process on this home folder created it first, so its key is kept.
            Files.deleteIfExists(temporary);
        }
    }

    /** Returns the last 32 bytes of the X.509 encoding, which are the RFC 8032 public key. */
    private static byte[] rawPublicKey(KeyPair pair) {
        byte[] x509 = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(x509, x509.length - KEY_BYTES, x509.length);
    }

    private static DeviceSigningKey read(Path file) throws IOException, GeneralSecurityException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        byte[] seed = decodeLine(lines, PRIVATE_LABEL);
        byte[] publicKey = decodeLine(lines, PUBLIC_LABEL);
        try {
            DeviceSigningKey key = new DeviceSigningKey(privateKeyOf(seed), publicKey);
            key.requireMatchingPair();
            return key;
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static byte[] decodeLine(List<String> lines, String label) {
        for (String line : lines) {
            if (line.startsWith(label)) {
                byte[] value = Base64.getDecoder().decode(line.substring(label.length()).strip());
                if (value.length != KEY_BYTES) {
                    throw new IllegalArgumentException("The " + label.strip() + " line does not contain 32 bytes.");
                }
                return value;
            }
        }
        throw new IllegalArgumentException("The line " + label.strip() + " is missing.");
    }

    private static PrivateKey privateKeyOf(byte[] seed) throws GeneralSecurityException {
        if (seed.length != KEY_BYTES) {
            throw new GeneralSecurityException("An Ed25519 seed has 32 bytes, not " + seed.length + ".");
        }
        byte[] pkcs8 = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + KEY_BYTES);
        System.arraycopy(seed, 0, pkcs8, PKCS8_PREFIX.length, KEY_BYTES);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** Checks that the stored public key belongs to the stored private key, so no event is signed in vain. */
    private void requireMatchingPair() {
        byte[] probe = "sealdrop device key check".getBytes(StandardCharsets.US_ASCII);
        if (!EventSignatures.verify(publicKey, probe, sign(probe))) {
            throw new IllegalArgumentException("The public key does not belong to the private key.");
        }
    }
}
