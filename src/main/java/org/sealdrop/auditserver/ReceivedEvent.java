package org.sealdrop.auditserver;

/**
 * One validated event from a request: the body exactly as the client sent it, and the fields the
 * store indexes. Ids and times keep their wire text, which is already canonical after validation.
 *
 * @param publicKey the base64 Ed25519 public key the event names, which the store pins to its device
 * @param signatureValid whether the signature verifies under {@code publicKey}
 */
record ReceivedEvent(String eventId, String time, String user, String deviceId, String action,
        String documentId, String outcome, long sequence, String previousHash, String publicKey,
        boolean signatureValid, String body) {
}
