package org.sealdrop.ui.viewer;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.sealdrop.audit.AuditIdentity;
import org.sealdrop.ui.Messages;

/**
 * View model of the viewer's watermark, without JavaFX: who views the document, on which device, and
 * when the viewer opened it. The user and device are those that the audit events name, so a photo
 * or printout of a page leads to the matching open or print event. It names no document and no patient.
 *
 * @param user the account name of the audit identity
 * @param device the device id of the audit identity, or the bundle's text for an unknown device
 * @param openedAt the time the viewer opened the document, in the computer's time zone
 */
public record WatermarkText(String user, String device, ZonedDateTime openedAt) {

    /** Local date and time with seconds and the zone's short name, such as {@code 2026-12-05 09:30:12 CET}. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ENGLISH);

    public WatermarkText {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    /**
     * Builds the watermark of a document opened now by {@code identity}. Without an audit identity
     * (services that keep no audit trail) it names the operating system's account and an unknown device.
     */
    public static WatermarkText of(Optional<AuditIdentity> identity, Clock clock) {
        String user = identity.map(AuditIdentity::user).orElse(System.getProperty("user.name", "unknown"));
        String device = identity.map(AuditIdentity::deviceId).orElse(Messages.text("viewer.watermark.unknownDevice"));
        return new WatermarkText(user, device, ZonedDateTime.now(clock));
    }

    /** Returns the line repeated over the page, such as "alice · device 0193… · opened 2026-12-05 09:30:12 CET". */
    public String text() {
        return Messages.text("viewer.watermark", user, device, TIME.format(openedAt));
    }
}
