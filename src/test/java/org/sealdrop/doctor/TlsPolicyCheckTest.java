package org.sealdrop.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Recognising the deny-without-TLS statement in a bucket policy, and masking the access key id. */
class TlsPolicyCheckTest {

    @Test
    void denyOnSecureTransportFalseIsFound() {
        String policy = """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:*","Resource":"*"},
                  {"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*",
                   "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";

        assertTrue(TlsPolicyCheck.deniesPlainHttp(policy));
    }

    @Test
    void allowOnSecureTransportIsNotEnough() {
        String policy = """
                {"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*",
                 "Condition":{"Bool":{"aws:SecureTransport":"true"}}}}""";

        assertFalse(TlsPolicyCheck.deniesPlainHttp(policy));
        assertFalse(TlsPolicyCheck.deniesPlainHttp("not json"));
    }

    @Test
    void accessKeyIdIsMasked() {
        assertEquals("AKIA…WXYZ", CredentialsCheck.mask("AKIAABCDEFGHIJKWXYZ"));
        assertEquals("…", CredentialsCheck.mask("short"));
    }
}
