package org.sealdrop.audit;

import java.net.URI;
import java.util.Objects;
import org.sealdrop.SealDropException;
import org.sealdrop.config.EndpointPolicy;

/** Checks on the audit URL and bearer token, made before a sender is built. */
final class AuditEndpoint {

    private AuditEndpoint() {
    }

    /** Returns {@code {auditUrl}/v1/events} after checking the URL against the transport rule. */
    static URI eventsUri(URI auditUrl) {
        Objects.requireNonNull(auditUrl, "auditUrl");
        if (auditUrl.getRawUserInfo() != null) {
            // The URL is not echoed: its user info may be a password.
            throw new SealDropException("SD-INVALID-URL",
                    "The audit URL contains user info; remove it and set the audit token instead.");
        }
        EndpointPolicy.requireSecure(auditUrl, "audit URL");
        if (auditUrl.getRawQuery() != null || auditUrl.getRawFragment() != null) {
            throw new SealDropException("SD-INVALID-URL", "The audit URL " + auditUrl
                    + " has a query or fragment; give the receiver's base URL such as https://audit.example.org.");
        }
        String base = auditUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/v1/events");
    }

    /** Checks the RFC 6750 token syntax, which also keeps line breaks out of the header. */
    private static void requireBearerSyntax(char[] token) {
        boolean valid = token.length > 0;
        int padding = 0;
        for (char c : token) {
            boolean tokenChar = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "-._~+/".indexOf(c) >= 0;
            if (c == '=') {
                padding++;
            } else if (!tokenChar || padding > 0) {
                valid = false;
            }
        }
        if (!valid || padding == token.length) {
            throw new SealDropException("SD-AUDIT-TOKEN", "The audit token is empty or contains characters"
                    + " other than letters, digits and -._~+/ (with = only at the end); set a valid token.");
        }
    }

    /**
     * Checks that a receiver beyond this computer gets a token, and that a given token is valid.
     *
     * @throws SealDropException with code {@code SD-AUDIT-TOKEN}
     */
    static void requireToken(URI auditUrl, char[] bearerToken) {
        if (bearerToken == null && !EndpointPolicy.isLoopback(auditUrl.getHost())) {
            throw new SealDropException("SD-AUDIT-TOKEN", "The audit URL " + auditUrl
                    + " is not on this computer, so it needs a bearer token; set the audit token.");
        }
        if (bearerToken != null) {
            requireBearerSyntax(bearerToken);
        }
    }
}
