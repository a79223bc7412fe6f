package org.sealdrop.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;

/** The bucket policy denies requests without TLS: a Deny statement on {@code aws:SecureTransport} false (GetBucketPolicy). */
public final class TlsPolicyCheck extends BucketRequestCheck {

    /**
     * S3 returns NoSuchBucketPolicy for a bucket without a policy. S3Proxy cannot store a policy (it rejects
     * PutBucketPolicy with 501) and returns NoSuchPolicy to GetBucketPolicy.
     */
    private static final String STUB_ANSWER = "NoSuchPolicy";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIX = "Add a bucket policy statement with Effect Deny, Principal *, Action s3:*, "
            + "and the condition Bool aws:SecureTransport false, or ask IT to.";

    public TlsPolicyCheck(S3Client client, String bucket) {
        super(client, bucket);
    }

    @Override
    String name() {
        return "TLS-only policy";
    }

    @Override
    CheckResult request() {
        String policy = client.getBucketPolicy(request -> request.bucket(bucket)).policy();
        return deniesPlainHttp(policy) ? CheckResult.ok(name(), "the bucket policy denies requests without TLS")
                : CheckResult.fail(name(), "The bucket policy does not deny requests without TLS.", FIX);
    }

    @Override
    CheckResult missing(String errorCode) {
        if (errorCode.equals(STUB_ANSWER)) {
            return CheckResult.skip(name(), "the store does not support bucket policies (it answers " + errorCode + ")");
        }
        return CheckResult.fail(name(), "The bucket has no policy (" + errorCode + ").", FIX);
    }

    @Override
    Set<String> missingCodes() {
        return Set.of("NoSuchBucketPolicy", STUB_ANSWER);
    }

    /** Returns whether a statement denies with the condition {@code aws:SecureTransport} = false. */
    static boolean deniesPlainHttp(String policy) {
        JsonNode root;
        try {
            root = JSON.readTree(policy);
        } catch (IOException e) {
            return false;
        }
        JsonNode statements = root.path("Statement");
        Iterable<JsonNode> list = statements.isArray() ? statements : java.util.List.of(statements);
        for (JsonNode statement : list) {
            if (!"Deny".equals(statement.path("Effect").asText())) {
                continue;
            }
            JsonNode bool = statement.path("Condition").path("Bool").path("aws:SecureTransport");
            if ("false".equalsIgnoreCase(bool.asText()) || (bool.isArray() && "false".equalsIgnoreCase(bool.path(0).asText()))) {
                return true;
            }
        }
        return false;
    }
}
