package org.sealdrop.auditserver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.sealdrop.SealDropException;

/**
 * The bearer tokens the receiver accepts. Only their SHA-256 digests are kept, and a presented token
 * is compared with every digest in constant time, so response timing reveals nothing about how much of a
 * guess was right or which token matched.
 */
final class BearerTokens {

    /** Shorter tokens can be guessed; {@code openssl rand -hex 32} makes a good one. */
    static final int MIN_LENGTH = 16;

    /** RFC 6750 {@code b64token}. */
    static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final List<byte[]> digests;

    private BearerTokens(List<byte[]> digests) {
        this.digests = digests;
    }

    /**
     * Creates the set; messages never contain a token.
     *
     * @throws SealDropException with code {@code SD-AUDIT-TOKEN} when {@code tokens} is empty or a token
     *     is shorter than {@value #MIN_LENGTH} characters or not valid bearer token syntax
     */
    static BearerTokens of(Set<String> tokens) {
        if (tokens == null || tokens.isEmpty()) {
            throw new SealDropException("SD-AUDIT-TOKEN",
                    "The audit receiver needs at least one bearer token; give a token file with one token a line.");
        }
        List<byte[]> digests = new ArrayList<>();
        for (String token : tokens) {
            if (!isValid(token)) {
                throw new SealDropException("SD-AUDIT-TOKEN", "An audit receiver token is invalid; " + RULE + ".");
            }
            digests.add(sha256(token));
        }
        return new BearerTokens(List.copyOf(digests));
    }

    /** Tells whether {@code token} is long enough and valid bearer token syntax. */
    static boolean isValid(String token) {
        return token != null && token.length() >= MIN_LENGTH && SYNTAX.matcher(token).matches();
    }

    /** The rule {@link #isValid} checks, for error messages. */
    static final String RULE = "a token has at least " + MIN_LENGTH + " characters from letters, digits and"
            + " -._~+/ (with = only at the end), such as the output of 'openssl rand -hex 32'";

    /** Returns true when {@code authorization} is {@code Bearer <token>} with an accepted token. */
    boolean accepts(String authorization) {
        if (authorization == null) {
            return false;
        }
        String prefix = "bearer ";
        if (authorization.length() <= prefix.length()
                || !authorization.substring(0, prefix.length()).toLowerCase(Locale.ROOT).equals(prefix)) {
            return false;
        }
        byte[] presented = sha256(authorization.substring(prefix.length()).trim());
        boolean match = false;
        for (byte[] digest : digests) {
            // No early exit: every digest is compared whatever the outcome.
            match |= MessageDigest.isEqual(digest, presented);
        }
        return match;
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256.", e);
        }
    }
}
