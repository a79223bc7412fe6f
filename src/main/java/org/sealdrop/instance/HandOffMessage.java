package org.sealdrop.instance;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The hand-off request: the files a second start passes to the running window.
 *
 * <p>Layout, all integers big-endian: the 4 ASCII bytes {@code SDHO}, one version byte (1), a 32-bit
 * file count (0 to {@value #MAX_FILES}), then per file a 32-bit length (1 to {@value #MAX_PATH_BYTES})
 * and that many bytes of the absolute path in UTF-8. Nothing may follow. The window replies with one
 * byte: {@value #ACCEPTED} when it took the files, {@value #REJECTED} when the request was malformed.
 * A reader rejects a request that breaks any of these rules instead of guessing.
 */
final class HandOffMessage {

    static final byte ACCEPTED = 0;
    static final byte REJECTED = 1;

    /** Maximum number of files in one hand-off; a folder counts as one and is expanded by the window. */
    static final int MAX_FILES = 1000;
    /** Maximum path length in UTF-8 bytes: Linux's PATH_MAX of 4096 includes the terminating NUL. */
    static final int MAX_PATH_BYTES = 4095;

    private static final byte[] MAGIC = {'S', 'D', 'H', 'O'};
    private static final byte VERSION = 1;

    private HandOffMessage() {
    }

    /**
     * Encodes {@code files} as a request.
     *
     * @throws IllegalArgumentException when there are too many files, or a path is relative, empty or too long
     */
    static byte[] encode(List<Path> files) {
        if (files.size() > MAX_FILES) {
            throw new IllegalArgumentException("A hand-off takes at most " + MAX_FILES + " files, not " + files.size() + ".");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(VERSION);
            out.writeInt(files.size());
            for (Path file : files) {
                if (!file.isAbsolute()) {
                    throw new IllegalArgumentException("A hand-off takes absolute paths only.");
                }
                byte[] path = file.toString().getBytes(StandardCharsets.UTF_8);
                if (path.length > MAX_PATH_BYTES) {
                    throw new IllegalArgumentException("A path in a hand-off has " + path.length
                            + " bytes, more than " + MAX_PATH_BYTES + ".");
                }
                out.writeInt(path.length);
                out.write(path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Writing to a byte array failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads one request from {@code in} up to its end of stream.
     *
     * @throws MalformedHandOffException when the request breaks the layout; its message names the rule, never a path
     * @throws IOException when reading fails
     */
    static List<Path> decode(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            byte[] magic = data.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new MalformedHandOffException("wrong magic bytes");
            }
            byte version = data.readByte();
            if (version != VERSION) {
                throw new MalformedHandOffException("unknown version " + version);
            }
            int count = data.readInt();
            if (count < 0 || count > MAX_FILES) {
                throw new MalformedHandOffException("file count " + count + " outside 0 to " + MAX_FILES);
            }
            List<Path> files = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                files.add(readPath(data));
            }
            if (data.read() != -1) {
                throw new MalformedHandOffException("bytes after the last file");
            }
            return files;
        } catch (EOFException e) {
            throw new MalformedHandOffException("request ends early");
        }
    }

    private static Path readPath(DataInputStream data) throws IOException {
        int length = data.readInt();
        if (length < 1 || length > MAX_PATH_BYTES) {
            throw new MalformedHandOffException("path length " + length + " outside 1 to " + MAX_PATH_BYTES);
        }
        byte[] bytes = new byte[length];
        data.readFully(bytes);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedHandOffException("path is not valid UTF-8");
        }
        if (text.indexOf('\0') >= 0) {
            throw new MalformedHandOffException("path contains a NUL character");
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw new MalformedHandOffException("path is not valid on this system");
        }
        if (!path.isAbsolute()) {
            throw new MalformedHandOffException("path is not absolute");
        }
        return path;
    }

    /** A request that breaks the layout. The message names the broken rule and never contains a path. */
    static final class MalformedHandOffException extends IOException {

        private static final long serialVersionUID = 1L;

        MalformedHandOffException(String rule) {
            super(rule);
        }
    }
}
