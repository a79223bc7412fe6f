package org.sealdrop.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sealdrop.SealDropException;

/** Reads the client's audit bearer token: the first line of the token file that is neither blank nor a {@code #} comment. */
public final class AuditTokens {

    private AuditTokens() {
    }

    public static char[] read(Path tokenFile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(tokenFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SealDropException("SD-AUDIT-TOKEN", "The audit token file " + tokenFile
                    + " could not be read; check the path in the settings and its permissions.");
        }
        return lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .findFirst()
                .map(String::toCharArray)
                .orElseThrow(() -> new SealDropException("SD-AUDIT-TOKEN", "The audit token file " + tokenFile
                        + " holds no token; put the token from IT on its first line."));
    }
}
