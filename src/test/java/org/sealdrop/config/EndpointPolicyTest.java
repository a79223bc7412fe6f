package org.sealdrop.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealdrop.SealDropException;

class EndpointPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://s3.eu-central-1.amazonaws.com", "http://127.0.0.1:9000", "http://localhost:8080/x",
        "http://[::1]:9000", "http://127.8.9.10", "HTTPS://Example.org"})
    void acceptsHttpsAndLoopbackHttp(String url) {
        assertEquals(URI.create(url), EndpointPolicy.requireSecure(URI.create(url), "S3 endpoint"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.org", "http://10.0.0.5:9000", "http://127.0.0.1.example.org",
        "http://localhost.example.org", "http://128.0.0.1"})
    void rejectsPlainHttpToOtherHosts(String url) {
        SealDropException e = assertThrows(SealDropException.class,
                () -> EndpointPolicy.requireSecure(URI.create(url), "audit URL"));
        assertEquals("SD-INSECURE-URL", e.errorCode());
        assertTrue(e.getMessage().contains(url), e.getMessage());
        assertTrue(e.getMessage().contains("https://"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/x", "s3.amazonaws.com", "file:///etc/passwd"})
    void rejectsUrlsThatAreNotHttp(String url) {
        SealDropException e = assertThrows(SealDropException.class,
                () -> EndpointPolicy.requireSecure(URI.create(url), "S3 endpoint"));
        assertEquals("SD-INVALID-URL", e.errorCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.255.255.254", "::1", "[::1]"})
    void recognisesLoopbackHosts(String host) {
        assertTrue(EndpointPolicy.isLoopback(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "127.0.0", "127.0.0.1.1", "::2", "localhost.", "a127.0.0.1"})
    void rejectsLookalikeHosts(String host) {
        assertFalse(EndpointPolicy.isLoopback(host));
    }
}
