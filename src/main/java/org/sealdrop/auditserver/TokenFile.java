package org.sealdrop.auditserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sealdrop.SealDropException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit receiver's token file: one bearer token a line. Blank lines and lines starting with
 * {@code #} are ignored, and spaces around a token are trimmed.
 */
public final class TokenFile {

    private static final Logger log = LoggerFactory.getLogger(TokenFile.class);

    private TokenFile() {
    }

    /**
     * Reads the tokens in {@code file}. Logs a warning, but goes on, when other users may read the
     * file (POSIX file systems only).
     *
     * @throws SealDropException with code {@code SD-AUDIT-TOKEN} when the file is missing, unreadable,
     *     contains no token, or contains a token that is too short or malformed (the message gives the line
     *     number, never the token)
     */
    public static Set<String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new SealDropException("SD-AUDIT-TOKEN", "The token file " + file
                    + " does not exist; create it with one token a line.", e);
        } catch (IOException e) {
            throw new SealDropException("SD-AUDIT-TOKEN", "The token file " + file
                    + " could not be read; check its permissions and that it is UTF-8 text.", e);
        }

        Set<String> tokens = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!BearerTokens.isValid(line)) {
                throw new SealDropException("SD-AUDIT-TOKEN", "Line " + (i + 1) + " of the token file " + file
                        + " is not a valid token; " + BearerTokens.RULE + ".");
            }
            tokens.add(line);
        }
        if (tokens.isEmpty()) {
            throw new SealDropException("SD-AUDIT-TOKEN", "The token file " + file
                    + " contains no token; add one token a line (" + BearerTokens.RULE + ").");
        }

        warnIfOthersCanRead(file);
        return Set.copyOf(tokens);
    }

    private static void warnIfOthersCanRead(Path file) {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            if (permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.GROUP_READ)) {
                log.warn("The token file {} can be read by other users; restrict it with 'chmod 600 {}'", file, file);
            }
        } catch (IOException e) {
            log.warn("Could not read the permissions of the token file {}", file, e);
        }
    }
}
