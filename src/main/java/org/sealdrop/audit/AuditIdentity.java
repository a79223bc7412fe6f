package org.sealdrop.audit;

/**
 * The user and the device that record events, fixed for a running app.
 *
 * @param user the signed-in staff member's account name, 1 to 256 characters
 * @param deviceId a stable id of this computer's SealDrop installation, 1 to 128 characters
 * @param appVersion the SealDrop version, 1 to 64 characters
 * @throws org.sealdrop.SealDropException with code {@code SD-AUDIT-INVALID} when a value is blank,
 *     too long or contains control characters
 */
public record AuditIdentity(String user, String deviceId, String appVersion) {

    public AuditIdentity {
        EventFields.requireText("user", user, EventFields.MAX_USER_LENGTH);
        EventFields.requireText("deviceId", deviceId, EventFields.MAX_DEVICE_ID_LENGTH);
        EventFields.requireText("appVersion", appVersion, EventFields.MAX_APP_VERSION_LENGTH);
    }
}
