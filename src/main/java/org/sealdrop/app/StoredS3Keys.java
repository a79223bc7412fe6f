package org.sealdrop.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.sealdrop.SealDropException;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.crypto.CredentialSealing;
import org.sealdrop.crypto.SecretKeyBytes;
import org.sealdrop.vault.KeyFileStore;
import org.sealdrop.vault.VaultKeys;

/**
 * The S3 access keys typed in the first-run wizard, kept in {@value #FILE_NAME} in the home folder,
 * readable by its owner only and sealed with {@link CredentialSealing} under one vault key version. The
 * file names the vault id and that key version, never the key id or the secret in clear.
 */
final class StoredS3Keys {

    /** File name in the home folder. */
    static final String FILE_NAME = "s3-credentials.json";

    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final SecureRandom random;

    StoredS3Keys(HomeFolder home, SecureRandom random) {
        this.file = home.root().resolve(FILE_NAME);
        this.random = random;
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** Seals the key pair under the current version of {@code keys} and replaces the file. */
    void store(VaultKeys keys, String accessKeyId, char[] secretAccessKey) {
        byte[] plaintext = encode(accessKeyId, secretAccessKey);
        try {
            int version = keys.currentVersion();
            byte[] sealed = CredentialSealing.seal(keys.current(), keys.vaultId(), version, plaintext, random);
            ObjectNode node = JSON.createObjectNode()
                    .put("format", FORMAT)
                    .put("vaultId", keys.vaultId().toString())
                    .put("keyVersion", version)
                    .put("sealed", Base64.getEncoder().encodeToString(sealed));
            writeOwnerOnly(JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new SealDropException("SD-S3-KEYS-WRITE", "The S3 keys could not be saved in " + file
                    + "; check that the home folder is writable.", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Decrypts the file with {@code keys}; returns empty when there is no file.
     *
     * @throws SealDropException {@code SD-S3-KEYS-INVALID} when the file is unreadable, malformed or
     *     belongs to another vault, {@code SD-KEY-VERSION} when {@code keys} no longer has its key version,
     *     or {@code SD-INTEGRITY} when it fails verification
     */
    Optional<Sealed> load(VaultKeys keys) {
        if (!exists()) {
            return Optional.empty();
        }
        JsonNode node = readJson();
        UUID vaultId;
        byte[] sealed;
        try {
            vaultId = UUID.fromString(node.path("vaultId").asText());
            sealed = Base64.getDecoder().decode(node.path("sealed").asText());
        } catch (IllegalArgumentException e) {
            throw invalid("is malformed");
        }
        if (node.path("format").asInt() != FORMAT || !vaultId.equals(keys.vaultId())) {
            throw invalid("belongs to another vault or format");
        }
        int version = node.path("keyVersion").asInt();
        SecretKeyBytes vaultKey = keys.version(version);
        byte[] plaintext = CredentialSealing.open(vaultKey, vaultId, version, sealed);
        try {
            return Optional.of(decode(plaintext, version));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Deletes the file; returns whether there was one. */
    boolean delete() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new SealDropException("SD-S3-KEYS-WRITE", "The S3 keys file " + file
                    + " could not be deleted; check its permissions and delete it by hand.", e);
        }
    }

    /** A decrypted key pair and the vault key version the file was sealed under; {@link #close()} wipes the secret. */
    record Sealed(String accessKeyId, char[] secretAccessKey, int keyVersion) implements AutoCloseable {
        @Override
        public void close() {
            Arrays.fill(secretAccessKey, '\0');
        }
    }

    private JsonNode readJson() {
        try {
            JsonNode node = JSON.readTree(Files.readAllBytes(file));
            if (node == null || !node.path("vaultId").isTextual() || !node.path("sealed").isTextual()) {
                throw invalid("is malformed");
            }
            return node;
        } catch (IOException | IllegalArgumentException e) {
            throw invalid("is unreadable or malformed");
        }
    }

    private SealDropException invalid(String problem) {
        return new SealDropException("SD-S3-KEYS-INVALID", "The S3 keys file " + file + " " + problem
                + "; run `sealdrop vault forget-s3-keys` and type the keys again in the set-up.");
    }

    /** Writes through {@link KeyFileStore#write}, atomically, and restricts the result to its owner. */
    private void writeOwnerOnly(byte[] content) throws IOException {
        KeyFileStore.write(file, content);
        HomeFolder.restrictToOwner(file);
    }

    /** Encodes as the key id's UTF-8 length (2 bytes), the key id, then the secret in UTF-8. */
    private static byte[] encode(String accessKeyId, char[] secret) {
        byte[] id = accessKeyId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer secretBytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        try {
            ByteBuffer out = ByteBuffer.allocate(2 + id.length + secretBytes.remaining());
            out.putShort((short) id.length).put(id).put(secretBytes);
            return out.array();
        } finally {
            if (secretBytes.hasArray()) {
                Arrays.fill(secretBytes.array(), (byte) 0);
            }
        }
    }

    private Sealed decode(byte[] plaintext, int version) {
        ByteBuffer in = ByteBuffer.wrap(plaintext);
        int idLength = Short.toUnsignedInt(in.getShort());
        String id = new String(plaintext, 2, idLength, StandardCharsets.UTF_8);
        in.position(2 + idLength);
        try {
            CharBuffer secret = StandardCharsets.UTF_8.newDecoder().decode(in);
            char[] chars = Arrays.copyOf(secret.array(), secret.limit());
            Arrays.fill(secret.array(), '\0');
            return new Sealed(id, chars, version);
        } catch (CharacterCodingException e) {
            throw invalid("contains a secret that is not valid UTF-8");
        }
    }
}
