package org.sealdrop.doctor;

import java.net.URI;
import java.util.Optional;
import org.sealdrop.SealDropException;
import org.sealdrop.config.EndpointPolicy;

/** The S3 endpoint uses HTTPS (or is on this computer) and responds to HEAD bucket, and the bucket exists. */
public final class EndpointCheck implements DoctorCheck {

    static final String NAME = "endpoint";

    private final BucketProbe probe;

    public EndpointCheck(BucketProbe probe) {
        this.probe = probe;
    }

    /**
     * Returns the failed check when {@code endpoint} breaks the transport rule, without any network
     * request, or empty when the endpoint may be probed.
     */
    public static Optional<CheckResult> rejectInsecure(URI endpoint) {
        try {
            EndpointPolicy.requireSecure(endpoint, "S3 endpoint");
            return Optional.empty();
        } catch (SealDropException e) {
            return Optional.of(CheckResult.fail(NAME, e.errorCode() + ": " + e.getMessage(),
                    "Set an https:// endpoint in the settings (plain http is allowed only for this computer: localhost, 127.0.0.0/8 or ::1)."));
        }
    }

    @Override
    public CheckResult run() {
        Optional<CheckResult> insecure = rejectInsecure(probe.endpoint());
        if (insecure.isPresent()) {
            return insecure.get();
        }
        if (!probe.answered() && probe.failure().startsWith(BucketProbe.TLS_FAILURE)) {
            return CheckResult.fail(NAME, "The TLS connection to " + probe.endpoint() + " failed ("
                    + probe.failure() + ").", "Check the endpoint URL; if it is right, ask IT to add the CA certificate"
                    + " of the store to the Java trust store of this computer.");
        }
        if (!probe.answered()) {
            return CheckResult.fail(NAME, probe.endpoint() + " did not answer (" + probe.failure() + ").",
                    "Check the network connection, a proxy or firewall, and the endpoint in the settings.");
        }
        if (probe.status() == 404) {
            return CheckResult.fail(NAME, "The bucket " + probe.bucket() + " does not exist at " + probe.endpoint() + ".",
                    "Check the bucket name in the settings, or ask IT to create the bucket.");
        }
        if (probe.status() == 301 || probe.status() == 400) {
            return CheckResult.fail(NAME, "The store answered HTTP " + probe.status() + " for the bucket "
                    + probe.bucket() + ".", "Check the region and the path-style setting against the bucket.");
        }
        return CheckResult.ok(NAME, probe.endpoint() + " answers (HTTP " + probe.status() + ").");
    }
}
