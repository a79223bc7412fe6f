package org.sealdrop.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.AuditTrustStore;
import org.sealdrop.config.EndpointPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tests an audit receiver without writing an event: {@code GET {auditUrl}/v1/status} with the bearer
 * token, to which the reference receiver responds with 200 for a valid token and 401 otherwise (AUDIT.md,
 * "GET /v1/status").
 */
public final class AuditReceiverCheck {

    private static final Logger LOG = LoggerFactory.getLogger(AuditReceiverCheck.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private AuditReceiverCheck() {
    }

    /**
     * Sends the status request.
     *
     * @param token bearer token, or {@code null} to send none (only a loopback receiver may do without)
     * @throws SealDropException {@code SD-AUDIT-UNREACHABLE} when the receiver cannot be reached or does
     *     not respond in time, {@code SD-AUDIT-TLS} when TLS fails, {@code SD-AUDIT-TOKEN} for 401 or 403,
     *     {@code SD-AUDIT-REFUSED} for any other status than 200, and {@code SD-INSECURE-URL} or
     *     {@code SD-INVALID-URL} for a URL the transport rule rejects
     */
    public static void check(URI auditUrl, char[] token) {
        check(auditUrl, token, null);
    }

    /**
     * Sends the status request like {@link #check(URI, char[])}, trusting the CA certificates of
     * {@code trustStore} in place of the JDK's when it is not null, as the audit sender does.
     *
     * @throws SealDropException also {@code SD-AUDIT-TRUST} when the trust store cannot be read
     */
    public static void check(URI auditUrl, char[] token, Path trustStore) {
        EndpointPolicy.requireSecure(auditUrl, "audit URL");
        URI status = statusUri(auditUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(status).timeout(REQUEST_TIMEOUT).GET();
        if (token != null) {
            // NOTE: the header value is a String, which cannot be wiped; it lives until the collector reclaims it.
            request.header("Authorization", "Bearer " + new String(token));
        }
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (trustStore != null) {
            builder.sslContext(AuditTrustStore.load(trustStore));
        }
        HttpClient client = builder.build();
        int code;
        try {
            code = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (SSLException e) {
            throw new SealDropException("SD-AUDIT-TLS", "The TLS connection to the audit receiver " + auditUrl
                    + " failed; check the URL, and ask IT whether its certificate is trusted on this computer.", e);
        } catch (IOException e) {
            // A refused connection, a timeout and a broken connection all mean the same to the user.
            throw unreachable(auditUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(auditUrl, e);
        }
        LOG.info("Audit receiver test returned HTTP {}", code);
        if (code == 401 || code == 403) {
            throw new SealDropException("SD-AUDIT-TOKEN", "The audit receiver " + auditUrl
                    + " rejected the audit token (HTTP " + code + "); type the token IT gave you.");
        }
        if (code != 200) {
            throw new SealDropException("SD-AUDIT-REFUSED", "The audit receiver " + auditUrl + " responded with HTTP " + code
                    + " to the status request; check the audit URL, and tell IT if it is right.");
        }
    }

    private static URI statusUri(URI auditUrl) {
        String base = auditUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/v1/status");
    }

    private static SealDropException unreachable(URI auditUrl, Exception cause) {
        return new SealDropException("SD-AUDIT-UNREACHABLE", "The audit receiver " + auditUrl
                + " could not be reached; check the network connection and the audit URL.", cause);
    }
}
