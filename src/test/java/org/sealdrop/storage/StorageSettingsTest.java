package org.sealdrop.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealdrop.SealDropException;

/** Validation only: none of these settings opens a connection, because no client is built. */
class StorageSettingsTest {

    private static final URI LOCAL = URI.create("http://127.0.0.1:9000");

    @Test
    void plainHttpToRemoteHostIsRejected() {
        SealDropException failure = assertThrows(SealDropException.class,
                () -> StorageSettings.defaults(URI.create("http://example.com"), "us-east-1", "vault", ""));

        assertEquals("SD-INSECURE-URL", failure.errorCode());
        assertTrue(failure.getMessage().contains("S3 endpoint"), failure.getMessage());
    }

    @Test
    void loopbackHttpIsAccepted() {
        StorageSettings settings = StorageSettings.defaults(LOCAL, "us-east-1", "vault", "clinic");

        assertEquals(LOCAL, settings.endpoint());
        assertTrue(settings.pathStyle());
        assertEquals(ChecksumMode.WHEN_SUPPORTED, settings.checksumMode());
        assertEquals(16L * 1024 * 1024, settings.multipartThreshold());
        assertEquals(8L * 1024 * 1024, settings.partSize());
    }

    @Test
    void httpsToAnyHostIsAccepted() {
        StorageSettings settings = StorageSettings.defaults(URI.create("https://storage.example.test"), "eu-central-1",
                "vault", "");

        assertEquals("https", settings.endpoint().getScheme());
    }

    @Test
    void endpointWithoutHostIsRejected() {
        SealDropException failure = assertThrows(SealDropException.class,
                () -> StorageSettings.defaults(URI.create("file:///tmp/bucket"), "us-east-1", "vault", ""));

        assertEquals("SD-INVALID-URL", failure.errorCode());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "NULL, ''",
        "'', ''",
        "/, ''",
        "clinic, clinic/",
        "clinic/, clinic/",
        "/clinic, clinic/",
        "' clinic-a/docs ', clinic-a/docs/",
    })
    void prefixIsNormalised(String input, String expected) {
        assertEquals(expected, StorageSettings.defaults(LOCAL, "us-east-1", "vault", input).prefix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a//b", "a/../b", "..", "./a", "a\\b", "a\tb"})
    void unsafePrefixIsRejected(String prefix) {
        StorageException failure = assertThrows(StorageException.class,
                () -> StorageSettings.defaults(LOCAL, "us-east-1", "vault", prefix));

        assertEquals("SD-S3-INVALID-SETTING", failure.errorCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Vault", "vault_1", "-vault", "vault-", "a..b", "192.168.5.4", "xn--vault",
        "sthree-vault", "amzn-s3-demo-vault", "vault-s3alias", "vault--ol-s3", "vault.mrap", "vault--x-s3",
        "a234567890123456789012345678901234567890123456789012345678901234"})
    void invalidBucketNameIsRejected(String bucket) {
        StorageException failure = assertThrows(StorageException.class,
                () -> StorageSettings.defaults(LOCAL, "us-east-1", bucket, ""));

        assertEquals("SD-S3-INVALID-SETTING", failure.errorCode());
        assertTrue(failure.getMessage().contains(bucket), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "clinic-vault", "clinic.vault.1", "a23456789012345678901234567890123456789012345678901234567890123"})
    void validBucketNameIsAccepted(String bucket) {
        assertEquals(bucket, StorageSettings.defaults(LOCAL, "us-east-1", bucket, "").bucket());
    }

    @Test
    void partSizeBelowFiveMibIsRejected() {
        StorageSettings settings = StorageSettings.defaults(LOCAL, "us-east-1", "vault", "");

        StorageException failure = assertThrows(StorageException.class,
                () -> settings.withMultipart(16L * 1024 * 1024, 5L * 1024 * 1024 - 1));

        assertEquals("SD-S3-INVALID-SETTING", failure.errorCode());
        assertEquals(5L * 1024 * 1024, settings.withMultipart(0, 5L * 1024 * 1024).partSize());
    }

    @Test
    void negativeThresholdIsRejected() {
        StorageSettings settings = StorageSettings.defaults(LOCAL, "us-east-1", "vault", "");

        assertThrows(StorageException.class, () -> settings.withMultipart(-1, 8L * 1024 * 1024));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "eu central", "eu/central"})
    void invalidRegionIsRejected(String region) {
        assertThrows(StorageException.class, () -> StorageSettings.defaults(LOCAL, region, "vault", ""));
    }

    @Test
    void connectionSettingsRejectZeroAttempts() {
        assertThrows(StorageException.class,
                () -> new ConnectionSettings(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), 0));
    }

    @Test
    void retryHeaderFieldsAreParsed() {
        assertEquals(2, RetryLogging.parseField("attempt=2; max=3", "attempt"));
        assertEquals(3, RetryLogging.parseField("attempt=2; max=3", "max"));
        assertEquals(0, RetryLogging.parseField("", "attempt"));
        assertEquals(0, RetryLogging.parseField("attempt=x", "attempt"));
    }
}
