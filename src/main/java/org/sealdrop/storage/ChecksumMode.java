package org.sealdrop.storage;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;

/**
 * Policy for when the S3 client adds and validates CRC checksums, set per endpoint.
 *
 * <p>Amazon S3 accepts {@link #WHEN_SUPPORTED}. Many S3-compatible stores (and S3Proxy 2.x) reject the
 * aws-chunked uploads with checksum trailers that it produces, so they need {@link #WHEN_REQUIRED}.
 */
public enum ChecksumMode {

    /** Sends and validates checksums on every operation that supports them (the SDK's default). */
    WHEN_SUPPORTED(RequestChecksumCalculation.WHEN_SUPPORTED, ResponseChecksumValidation.WHEN_SUPPORTED),

    /** Sends and validates checksums only where the operation requires them. */
    WHEN_REQUIRED(RequestChecksumCalculation.WHEN_REQUIRED, ResponseChecksumValidation.WHEN_REQUIRED);

    private final RequestChecksumCalculation requestCalculation;
    private final ResponseChecksumValidation responseValidation;

    ChecksumMode(RequestChecksumCalculation requestCalculation, ResponseChecksumValidation responseValidation) {
        this.requestCalculation = requestCalculation;
        this.responseValidation = responseValidation;
    }

    RequestChecksumCalculation requestCalculation() {
        return requestCalculation;
    }

    ResponseChecksumValidation responseValidation() {
        return responseValidation;
    }
}
