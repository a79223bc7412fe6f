package org.sealdrop.app;

import java.net.URI;
import java.nio.file.Path;

/**
 * What the first-run dialog or {@code sealdrop init} collects to create or join a vault.
 *
 * @param endpoint S3 endpoint; HTTPS unless it is a loopback address
 * @param region signing region, such as {@code us-east-1}
 * @param bucket bucket name
 * @param prefix key prefix of the vault inside the bucket, empty for the bucket root
 * @param auditUrl base URL of the audit receiver; events go to {@code {auditUrl}/v1/events}
 * @param auditTokenFile file holding the bearer token for the audit receiver, or {@code null}
 */
public record VaultSetup(URI endpoint, String region, String bucket, String prefix, URI auditUrl, Path auditTokenFile) {
}
