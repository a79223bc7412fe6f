package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ObjectHeaderTest {

    private final TestObjects.Sealed sealed = TestObjects.seal(TestObjects.pattern(70_000));

    @Test
    void parseWithoutKeyReadsIdAndLength() {
        ByteArrayInputStream in = new ByteArrayInputStream(sealed.object());
        ObjectHeader header = ObjectHeader.parse(in);

        assertEquals(sealed.documentId(), header.documentId());
        assertEquals(sealed.headerLength(), header.length());
        assertArrayEquals(sealed.header(), header.encode());
        assertEquals(sealed.object().length - sealed.headerLength(), in.available(), "stream left at chunk 0");
    }

    @Test
    void prefixGivesHeaderLength() {
        byte[] prefix = Arrays.copyOf(sealed.object(), ObjectFormat.HEADER_PREFIX_LENGTH);
        assertEquals(sealed.headerLength(), ObjectHeader.readLength(prefix));
    }

    @Test
    void headerLengthIsPaddedMetadataPlusFixedFields() {
        // A 5- and a 50-character name both pad to 256 bytes of metadata, so the header hides the difference.
        byte[] plaintext = TestObjects.pattern(10);
        DocumentMetadata shortName = new DocumentMetadata("a.pdf", "application/pdf", 10,
                TestObjects.sha256Hex(plaintext), null, "u", TestObjects.ADDED_AT);
        DocumentMetadata longName = new DocumentMetadata("n".repeat(46) + ".pdf", "application/pdf", 10,
                TestObjects.sha256Hex(plaintext), null, "u", TestObjects.ADDED_AT);
        try (SecretKeyBytes key = SecretKeyBytes.random(TestObjects.RANDOM)) {
            int shortLength = ObjectEncryptor.create(sealed.documentId(), key, shortName, TestObjects.RANDOM).header().length;
            int longLength = ObjectEncryptor.create(sealed.documentId(), key, longName, TestObjects.RANDOM).header().length;
            assertEquals(ObjectFormat.MIN_HEADER_LENGTH, shortLength);
            assertEquals(shortLength, longLength);
        }
    }

    @Test
    void oversizedMetadataIsRejected() {
        DocumentMetadata huge = new DocumentMetadata("n".repeat(70_000), "application/pdf", 0,
                TestObjects.sha256Hex(new byte[0]), null, "u", TestObjects.ADDED_AT);
        try (SecretKeyBytes key = SecretKeyBytes.random(TestObjects.RANDOM)) {
            org.sealdrop.SealDropException failure = assertThrows(org.sealdrop.SealDropException.class,
                    () -> ObjectEncryptor.create(sealed.documentId(), key, huge, TestObjects.RANDOM));
            assertEquals("SD-METADATA-TOO-LARGE", failure.errorCode());
        }
    }

    @Test
    void unknownVersionAndSuiteAreUnsupported() {
        byte[] newerVersion = sealed.header();
        newerVersion[ObjectFormat.VERSION_OFFSET] = 2;
        UnsupportedFormatException version = assertThrows(UnsupportedFormatException.class,
                () -> ObjectHeader.parse(newerVersion));
        assertEquals(UnsupportedFormatException.CODE, version.errorCode());
        assertTrue(version.getMessage().contains("object format version 2"), version.getMessage());

        byte[] otherSuite = sealed.header();
        otherSuite[ObjectFormat.SUITE_OFFSET] = 9;
        assertThrows(UnsupportedFormatException.class, () -> ObjectHeader.parse(otherSuite));
    }

    @Test
    void malformedHeadersAreIntegrityFailures() {
        byte[] wrongMagic = sealed.header();
        wrongMagic[0] = 'X';
        assertEquals(IntegrityException.CODE, assertThrows(IntegrityException.class,
                () -> ObjectHeader.parse(wrongMagic)).errorCode());

        byte[] hugeLength = sealed.header();
        hugeLength[ObjectFormat.HEADER_LENGTH_OFFSET] = 0x7f;
        assertThrows(IntegrityException.class, () -> ObjectHeader.parse(new ByteArrayInputStream(hugeLength)));

        byte[] lengthMismatch = sealed.header();
        lengthMismatch[ObjectFormat.METADATA_LENGTH_OFFSET + 3] ^= 1;
        assertThrows(IntegrityException.class, () -> ObjectHeader.parse(lengthMismatch));

        assertThrows(IntegrityException.class, () -> ObjectHeader.parse(new ByteArrayInputStream(new byte[3])));
    }

    @Test
    void accessorsReturnCopies() {
        ObjectHeader header = ObjectHeader.parse(sealed.header());
        header.salt()[0] ^= 1;
        header.encryptedMetadata()[0] ^= 1;
        assertArrayEquals(sealed.header(), header.encode());
        assertEquals(header, ObjectHeader.parse(sealed.header()));
    }
}
