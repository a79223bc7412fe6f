package org.sealdrop.selftest;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.audit.AuditEvent;
import org.sealdrop.audit.AuditIdentity;
import org.sealdrop.audit.AuditSender;
import org.sealdrop.audit.AuditTrail;
import org.sealdrop.audit.DeviceSigningKey;
import org.sealdrop.audit.Outcome;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.index.Database;

/**
 * Records a signed audit event in a throw-away index, as opening a document does, and posts it with
 * the real sender to an audit receiver on 127.0.0.1, which verifies and stores it. The event names no
 * document and is never sent to the clinic's receiver.
 */
final class AuditCheck implements SelfTestCheck {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private final String appVersion;

    AuditCheck(String appVersion) {
        this.appVersion = appVersion;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String run(Path workFolder) {
        Database outbox = Database.open(workFolder.resolve("audit-check-outbox.db"));
        AuditTrail trail = new AuditTrail(outbox, new AuditIdentity("self-test", "self-test-device", appVersion),
                DeviceSigningKey.generate(), Clock.systemUTC());
        AuditEvent event = trail.record(AuditAction.VERIFY, null, Outcome.SUCCESS, "self-test");

        String token = SelfTestReceiver.newToken();
        char[] bearer = token.toCharArray();
        try (AuditServer receiver = AuditServer.start(new InetSocketAddress("127.0.0.1", 0),
                        workFolder.resolve("audit-check-received.db"), Set.of(token));
                AuditSender sender = new AuditSender(outbox, receiver.baseUrl(), bearer, Duration.ofSeconds(1))) {
            if (!sender.awaitDelivery(event.eventId(), DELIVERY_TIMEOUT)) {
                throw new IllegalStateException("the receiver at " + receiver.baseUrl() + " did not acknowledge event "
                        + event.eventId() + " within " + DELIVERY_TIMEOUT.toSeconds() + " s");
            }
            if (receiver.store().deviceIds().isEmpty()) {
                throw new IllegalStateException("the receiver at " + receiver.baseUrl() + " acknowledged event "
                        + event.eventId() + " but did not store it");
            }
            return "posted signed event " + event.eventId() + " to " + receiver.baseUrl();
        } finally {
            Arrays.fill(bearer, '\0');
        }
    }
}
