package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.core.exception.SdkClientException;

class DesktopCredentialsTest {

    @Test
    void chainNamesNoMetadataServiceOrContainerProvider() {
        try (AwsCredentialsProviderChain chain = DesktopCredentials.chain()) {
            String providers = chain.toString();
            for (String expected : new String[] {"SystemProperty", "EnvironmentVariable", "ProfileCredentials"}) {
                assertTrue(providers.contains(expected), providers);
            }
            for (String network : new String[] {"InstanceProfile", "ContainerCredentials", "WebIdentity"}) {
                assertFalse(providers.contains(network), providers);
            }
        }
    }

    @Test
    void profileFromTheSharedCredentialsFileIsUsed(@TempDir Path home) throws Exception {
        Path credentials = home.resolve("credentials");
        Files.writeString(credentials, "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n");
        String before = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        try (AwsCredentialsProviderChain chain = DesktopCredentials.chain()) {
            if (System.getProperty("aws.accessKeyId") == null && System.getenv("AWS_ACCESS_KEY_ID") == null) {
                assertEquals("AKIDPROFILE", chain.resolveCredentials().accessKeyId());
            }
        } finally {
            restore("aws.sharedCredentialsFile", before);
        }
    }

    @Test
    void missingCredentialsFailWithoutAskingTheNetwork(@TempDir Path home) throws Exception {
        Path empty = Files.createFile(home.resolve("credentials"));
        String before = System.setProperty("aws.sharedCredentialsFile", empty.toString());
        try (AwsCredentialsProviderChain chain = DesktopCredentials.chain()) {
            if (System.getProperty("aws.accessKeyId") == null && System.getenv("AWS_ACCESS_KEY_ID") == null) {
                SdkClientException failure = assertThrows(SdkClientException.class, chain::resolveCredentials);
                assertTrue(failure.getMessage().startsWith("Unable to load credentials"), failure.getMessage());
                assertFalse(failure.getMessage().contains("IMDS"), failure.getMessage());
            }
        } finally {
            restore("aws.sharedCredentialsFile", before);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
