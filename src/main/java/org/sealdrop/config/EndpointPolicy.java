package org.sealdrop.config;

import java.net.URI;
import java.util.Locale;
import org.sealdrop.SealDropException;

/**
 * The transport rule for every URL SealDrop talks to (S3 endpoint, audit receiver): HTTPS, or plain
 * HTTP only to a loopback address on this computer, where nothing crosses a network.
 *
 * <p>The host is judged by its text and never resolved, so a DNS answer cannot turn a remote host
 * into a "loopback" one.
 */
public final class EndpointPolicy {

    private EndpointPolicy() {
    }

    /**
     * Checks {@code url} and returns it.
     *
     * @param purpose what the URL is for, as the user knows it ("S3 endpoint", "audit URL")
     * @throws SealDropException with code {@code SD-INSECURE-URL} or {@code SD-INVALID-URL}
     */
    public static URI requireSecure(URI url, String purpose) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new SealDropException("SD-INVALID-URL", "The " + purpose + " " + url
                    + " is not a valid http or https URL; give one such as https://s3.eu-central-1.amazonaws.com.");
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new SealDropException("SD-INSECURE-URL", "The " + purpose + " " + url
                    + " uses plain HTTP to another computer; use https:// (plain HTTP is allowed only for 127.0.0.1 and localhost).");
        }
        return url;
    }

    /** Tells whether {@code host} names this computer: {@code localhost}, 127.0.0.0/8 or {@code ::1}. */
    public static boolean isLoopback(String host) {
        String bare = host.toLowerCase(Locale.ROOT);
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        if (bare.equals("localhost") || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] octets = bare.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
