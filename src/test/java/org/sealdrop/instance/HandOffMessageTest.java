package org.sealdrop.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealdrop.instance.HandOffMessage.MalformedHandOffException;

class HandOffMessageTest {

    private static final Path REFERRAL = Path.of("/home/frontdesk/Scans/referral ü.pdf");
    private static final Path FOLDER = Path.of("/home/frontdesk/Lab results");

    @Test
    void requestRoundTrips() throws IOException {
        List<Path> files = List.of(REFERRAL, FOLDER);
        assertEquals(files, decode(HandOffMessage.encode(files)));
    }

    @Test
    void emptyRequestRoundTrips() throws IOException {
        assertEquals(List.of(), decode(HandOffMessage.encode(List.of())));
    }

    @Test
    void encodeRejectsRelativePath() {
        assertThrows(IllegalArgumentException.class, () -> HandOffMessage.encode(List.of(Path.of("scan.pdf"))));
    }

    @Test
    void encodeRejectsTooManyFiles() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i <= HandOffMessage.MAX_FILES; i++) {
            files.add(Path.of("/scans/" + i + ".pdf"));
        }
        assertThrows(IllegalArgumentException.class, () -> HandOffMessage.encode(files));
    }

    @Test
    void wrongMagicIsRejected() throws IOException {
        byte[] request = HandOffMessage.encode(List.of(REFERRAL));
        request[0] = 'X';
        assertMalformed(request, "wrong magic bytes");
    }

    @Test
    void unknownVersionIsRejected() throws IOException {
        byte[] request = HandOffMessage.encode(List.of(REFERRAL));
        request[4] = 2;
        assertMalformed(request, "unknown version 2");
    }

    @Test
    void countOutOfRangeIsRejected() throws IOException {
        assertMalformed(header(-1), "file count -1 outside 0 to 1000");
        assertMalformed(header(HandOffMessage.MAX_FILES + 1), "file count 1001 outside 0 to 1000");
    }

    @Test
    void pathLengthOutOfRangeIsRejected() throws IOException {
        assertMalformed(concat(header(1), intBytes(0)), "path length 0 outside 1 to 4095");
        assertMalformed(concat(header(1), intBytes(HandOffMessage.MAX_PATH_BYTES + 1)),
                "path length 4096 outside 1 to 4095");
    }

    @Test
    void truncatedRequestIsRejected() throws IOException {
        byte[] request = HandOffMessage.encode(List.of(REFERRAL, FOLDER));
        for (int length = 0; length < request.length; length++) {
            byte[] cut = Arrays.copyOf(request, length);
            MalformedHandOffException e = assertThrows(MalformedHandOffException.class, () -> decode(cut),
                    "length " + length);
            // Fewer bytes than the magic value read as a wrong magic value.
            assertEquals(length < 4 ? "wrong magic bytes" : "request ends early", e.getMessage(), "length " + length);
        }
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        assertMalformed(concat(HandOffMessage.encode(List.of(REFERRAL)), new byte[] {0}), "bytes after the last file");
    }

    @Test
    void invalidUtf8IsRejected() throws IOException {
        byte[] path = {'/', 'a', (byte) 0xC3, '('};
        assertMalformed(concat(header(1), intBytes(path.length), path), "path is not valid UTF-8");
    }

    @Test
    void relativePathIsRejected() throws IOException {
        byte[] path = "scans/referral.pdf".getBytes(StandardCharsets.UTF_8);
        assertMalformed(concat(header(1), intBytes(path.length), path), "path is not absolute");
    }

    @Test
    void nulInPathIsRejected() throws IOException {
        byte[] path = "/scans/a\0b.pdf".getBytes(StandardCharsets.UTF_8);
        assertMalformed(concat(header(1), intBytes(path.length), path), "path contains a NUL character");
    }

    @Test
    void rejectionNamesNoPath() throws IOException {
        byte[] path = "Smith-referral.pdf".getBytes(StandardCharsets.UTF_8);
        MalformedHandOffException e = assertThrows(MalformedHandOffException.class,
                () -> decode(concat(header(1), intBytes(path.length), path)));
        assertEquals(-1, e.getMessage().indexOf("Smith"));
    }

    private static List<Path> decode(byte[] request) throws IOException {
        return HandOffMessage.decode(new ByteArrayInputStream(request));
    }

    private static void assertMalformed(byte[] request, String rule) {
        MalformedHandOffException e = assertThrows(MalformedHandOffException.class, () -> decode(request));
        assertEquals(rule, e.getMessage());
    }

    private static byte[] header(int count) throws IOException {
        return concat(new byte[] {'S', 'D', 'H', 'O', 1}, intBytes(count));
    }

    private static byte[] intBytes(int value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeInt(value);
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return bytes.toByteArray();
    }
}
