package org.sealdrop.auditserver;

/**
 * A request the receiver rejects with HTTP 400. The message names the field or parameter and the rule
 * it breaks, and never repeats the value, because a value may hold whatever a faulty client put there.
 */
final class BadRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
        super(message);
    }
}
