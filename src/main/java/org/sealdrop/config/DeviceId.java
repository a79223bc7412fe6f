package org.sealdrop.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.sealdrop.SealDropException;

/** The random id of this device (one per home folder), created at first use and named in every audit event. */
public final class DeviceId {

    private DeviceId() {
    }

    public static String loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
                return UUID.fromString(stored).toString();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            String created = UUID.randomUUID().toString();
            Files.writeString(file, created + "\n", StandardCharsets.US_ASCII);
            return created;
        } catch (IOException | IllegalArgumentException e) {
            throw new SealDropException("SD-DEVICE-ID", "The device id file " + file
                    + " could not be read or created; delete it if it is damaged and start SealDrop again.", e);
        }
    }
}
