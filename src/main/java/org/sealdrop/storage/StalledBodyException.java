package org.sealdrop.storage;

import java.net.SocketTimeoutException;

/**
 * Ends an attempt whose request body the endpoint accepted no byte of for the socket timeout. It is a
 * {@link SocketTimeoutException}, so the SDK retries the attempt like a read that timed out, and
 * {@link S3Errors} names the stall when the last attempt ends with it.
 */
final class StalledBodyException extends SocketTimeoutException {

    private static final long serialVersionUID = 1L;

    StalledBodyException(Throwable cause) {
        super("The endpoint accepted no bytes of the request body for the socket timeout");
        initCause(cause);
    }
}
