package org.sealdrop.crypto.independent;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;

import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.independent.format.SpecMetadata;

/** Random plaintexts and metadata, with names and patient references that exercise JSON and UTF-8. */
final class RandomDocuments {

    /**
     * Pieces of file names: non-ASCII letters, a CJK word, an emoji outside the BMP (a surrogate pair in
     * Java), and characters that JSON must escape.
     */
    private static final String[] NAME_PIECES = {
        "Überweisung", "Müller", "Befund", "検査結果", "Łódź", "Ærø", "\uD83D\uDE00", "x-ray",
        "\"quoted\"", "back\\slash", "tab\there", "bell\u0007", "line\nbreak", "2025-01-02", " ", "_",
    };
    private static final String[] MEDIA_TYPES = {
        "application/pdf", "image/jpeg", "image/png", "image/tiff", "text/plain; charset=utf-8",
        "application/octet-stream",
    };
    private static final String[] PATIENT_REFERENCES = {"MRN-004711", "Pat. Ørsted 17", "患者-0042", "MRN-\"7\""};

    private RandomDocuments() {
    }

    static byte[] plaintext(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * Returns metadata for {@code plaintext} with a random name of up to about 300 pieces, so some headers
     * carry more than one 256-byte block of metadata, and a patient reference that is sometimes null.
     */
    static DocumentMetadata metadata(Random random, byte[] plaintext) {
        StringBuilder name = new StringBuilder();
        int pieces = 1 + (random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(6));
        for (int i = 0; i < pieces; i++) {
            name.append(NAME_PIECES[random.nextInt(NAME_PIECES.length)]);
        }
        name.append(".pdf");

        String patientReference = random.nextInt(5) == 0 ? null
                : PATIENT_REFERENCES[random.nextInt(PATIENT_REFERENCES.length)];
        // Whole seconds half of the time, because Instant.toString then writes no fraction.
        long nanos = random.nextBoolean() ? 0 : random.nextInt(1_000_000_000);
        Instant addedAt = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), nanos);

        return new DocumentMetadata(name.toString(), MEDIA_TYPES[random.nextInt(MEDIA_TYPES.length)],
                plaintext.length, sha256Hex(plaintext), patientReference,
                random.nextBoolean() ? "dr.keller" : "Schwester Anna-Lena Größ", addedAt);
    }

    /** Returns the production metadata as the independent reader represents it. */
    static SpecMetadata toSpec(DocumentMetadata metadata) {
        return new SpecMetadata(metadata.name(), metadata.mediaType(), metadata.size(), metadata.sha256Hex(),
                metadata.patientReference(), metadata.addedBy(), metadata.addedAt().toString());
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
