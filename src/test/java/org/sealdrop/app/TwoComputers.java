package org.sealdrop.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.crypto.KeyWrapping;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.transfer.Uploader;

/**
 * Two home folders joined to one vault, as on two computers of a clinic: {@link #first()} created the
 * vault, {@link #second()} joined it. Each lists in its index only the documents it uploaded.
 */
final class TwoComputers implements AutoCloseable {

    static final String PASSPHRASE = TestEnvironment.PASSPHRASE;

    private final TestEnvironment environment;
    private final LocalServices second;
    private final Map<UUID, Path> sources = new LinkedHashMap<>();

    private TwoComputers(TestEnvironment environment, LocalServices second) {
        this.environment = environment;
        this.second = second;
    }

    static TwoComputers start(Path temp) throws IOException {
        TestEnvironment environment = TestEnvironment.start(temp);
        environment.services();
        LocalServices second = LocalServices.open(new HomeFolder(temp.resolve("second-home")), environment.options());
        second.vault().setUp(environment.vaultSetup(), PASSPHRASE.toCharArray(), false);
        return new TwoComputers(environment, second);
    }

    TestEnvironment environment() {
        return environment;
    }

    LocalServices first() {
        return environment.services();
    }

    LocalServices second() {
        return second;
    }

    /** Uploads {@code files} from {@code computer} and remembers which file each document came from. */
    List<UUID> upload(LocalServices computer, List<Path> files) {
        return files.stream().map(file -> {
            UUID id = computer.documents().upload(file, "MRN 4711", TransferListener.NONE).id();
            sources.put(id, file);
            return id;
        }).toList();
    }

    /** Returns the file each uploaded document came from. */
    Map<UUID, Path> sources() {
        return sources;
    }

    byte[] source(UUID id) throws IOException {
        return Files.readAllBytes(sources.get(id));
    }

    /** Returns the vault key version named by every object's wrapped key in the bucket, by object key. */
    Map<String, Integer> objectVersions() {
        Map<String, Integer> versions = new LinkedHashMap<>();
        try (ObjectStore bucket = environment.bucket()) {
            for (ObjectInfo listed : bucket.list(TestEnvironment.PREFIX + "objects/")) {
                ObjectInfo object = bucket.head(listed.key()).orElseThrow();
                byte[] wrapped = Base64.getDecoder().decode(object.metadata().get(Uploader.WRAPPED_KEY_METADATA));
                versions.put(listed.key(), KeyWrapping.vaultKeyVersionOf(wrapped));
            }
        }
        return versions;
    }

    @Override
    public void close() {
        second.close();
        environment.close();
    }
}
