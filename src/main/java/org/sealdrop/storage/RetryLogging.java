package org.sealdrop.storage;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Logs every retried S3 request with its operation and its object key or listing prefix.
 *
 * <p>The SDK numbers each attempt in the {@code amz-sdk-request} header ({@code attempt=2; max=3}) and
 * calls {@link #beforeTransmission} once per attempt, so an attempt number above 1 is a retry.
 */
final class RetryLogging implements ExecutionInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryLogging.class);
    private static final String ATTEMPT_HEADER = "amz-sdk-request";

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String header = context.httpRequest().firstMatchingHeader(ATTEMPT_HEADER).orElse("");
        int attempt = parseField(header, "attempt");
        if (attempt <= 1) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String target = context.request().getValueForField("Key", String.class)
                .or(() -> context.request().getValueForField("Prefix", String.class))
                .orElse("-");
        LOG.warn("Retrying S3 {} for key or prefix {} (attempt {} of {})", operation, target, attempt,
                parseField(header, "max"));
    }

    /** Returns the number after {@code name=} in a header such as {@code attempt=2; max=3}, or 0. */
    static int parseField(String header, String name) {
        for (String field : header.split(";")) {
            String[] pair = field.strip().split("=", 2);
            if (pair.length == 2 && pair[0].toLowerCase(Locale.ROOT).equals(name)) {
                try {
                    return Integer.parseInt(pair[1].strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }
}
