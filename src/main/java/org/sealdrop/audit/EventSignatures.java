package org.sealdrop.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Ed25519 signatures of audit events. A device signs the UTF-8 bytes of an event's canonical JSON
 * (the eleven {@link AuditEventJson#FIELDS}) and appends its public key and the signature to the body.
 * Both are base64 with padding: 44 characters for the 32-byte key, 88 for the 64-byte signature.
 */
public final class EventSignatures {

    /** Base64 with padding of exactly 32 bytes. */
    private static final Pattern PUBLIC_KEY_FORM = Pattern.compile("[A-Za-z0-9+/]{43}=");
    /** Base64 with padding of exactly 64 bytes. */
    private static final Pattern SIGNATURE_FORM = Pattern.compile("[A-Za-z0-9+/]{86}==");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventSignatures() {
    }

    /** Returns the signed body of {@code event}: its canonical JSON, {@code publicKey} and {@code signature}. */
    public static String signedBody(AuditEvent event, DeviceSigningKey key) {
        String canonical = AuditEventJson.canonical(event);
        byte[] signature = key.sign(canonical.getBytes(StandardCharsets.UTF_8));
        return AuditEventJson.body(canonical, key.publicKeyBase64(), Base64.getEncoder().encodeToString(signature));
    }

    /** Tells whether {@code text} is the base64 form of a 32-byte public key, as the {@code publicKey} field needs. */
    public static boolean isPublicKeyForm(String text) {
        return text != null && PUBLIC_KEY_FORM.matcher(text).matches() && isCanonicalBase64(text);
    }

    /** Tells whether {@code text} is the base64 form of a 64-byte signature, as the {@code signature} field needs. */
    public static boolean isSignatureForm(String text) {
        return text != null && SIGNATURE_FORM.matcher(text).matches() && isCanonicalBase64(text);
    }

    /**
     * Checks the signature of a parsed body against the public key in its own {@code publicKey} field.
     * Pinning that key to the device is the receiver's job.
     *
     * @return false when the signature does not verify, or a field is missing or malformed
     */
    public static boolean verify(JsonNode body) {
        JsonNode publicKey = body.get("publicKey");
        JsonNode signature = body.get("signature");
        if (publicKey == null || signature == null
                || !isPublicKeyForm(publicKey.textValue()) || !isSignatureForm(signature.textValue())) {
            return false;
        }
        String canonical;
        try {
            canonical = AuditEventJson.canonical(body);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verify(Base64.getDecoder().decode(publicKey.textValue()), canonical.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(signature.textValue()));
    }

    /**
     * Checks the signature of a body given as JSON text.
     *
     * @return false when the text is not a JSON object or {@link #verify(JsonNode)} returns false
     */
    public static boolean verify(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() && verify(node);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * Checks an Ed25519 signature (RFC 8032) of {@code message}.
     *
     * @param publicKey the raw 32-byte public key
     * @return false when the signature does not verify or the key is not a valid Ed25519 point
     */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != DeviceSigningKey.KEY_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(decodePublicKey(publicKey));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Tells whether {@code text} has zero padding bits, so that one key has exactly one text form to pin. */
    private static boolean isCanonicalBase64(String text) {
        try {
            return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(text)).equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static PublicKey decodePublicKey(byte[] raw) throws GeneralSecurityException {
        byte[] x509 = Arrays.copyOf(DeviceSigningKey.X509_PREFIX, DeviceSigningKey.X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, x509, DeviceSigningKey.X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    }
}
