package org.sealdrop.selftest;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import org.sealdrop.demo.EmbeddedS3;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.storage.StorageSettings;

/**
 * Starts the embedded S3-compatible server (S3Proxy) on 127.0.0.1 with its buckets in memory and puts,
 * gets and deletes an object through the same S3 client that uploads documents. It needs no AWS account
 * and reaches no other host.
 */
final class S3Check implements SelfTestCheck {

    private static final String BUCKET = "sealdrop-self-test";

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public String run(Path workFolder) {
        byte[] content = new byte[4096];
        new SecureRandom().nextBytes(content);
        try (EmbeddedS3 s3 = EmbeddedS3.start(null, BUCKET, 0);
                ObjectStore store = new ObjectStore(
                        StorageSettings.defaults(s3.endpoint(), "us-east-1", BUCKET, "self-test/"), s3.credentials())) {
            String key = store.key("round-trip");
            store.putSmall(key, content, Map.of());
            byte[] read = store.getSmall(key)
                    .orElseThrow(() -> new IllegalStateException("the object " + key + " was not found after the put"));
            if (!Arrays.equals(content, read)) {
                throw new IllegalStateException("the object " + key + " read back with other bytes");
            }
            store.delete(key);
            if (store.head(key).isPresent()) {
                throw new IllegalStateException("the object " + key + " still exists after the delete");
            }
            return "put, got and deleted " + content.length + " bytes at " + s3.endpoint();
        }
    }
}
