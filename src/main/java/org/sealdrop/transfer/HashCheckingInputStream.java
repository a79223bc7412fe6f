package org.sealdrop.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The second pass over a source file: hashes what passes through and, at end of stream, fails with
 * {@code SD-SOURCE-CHANGED} unless the SHA-256 equals the first pass's. The encryptor reads the end
 * of stream before it emits the last chunk, so a changed file never completes an upload.
 */
final class HashCheckingInputStream extends FilterInputStream {

    private final MessageDigest sha256 = SourceSnapshot.newSha256();
    private final String expectedSha256Hex;
    private final String documentLabel;
    private boolean checked;

    HashCheckingInputStream(InputStream in, String expectedSha256Hex, String documentLabel) {
        super(in);
        this.expectedSha256Hex = expectedSha256Hex;
        this.documentLabel = documentLabel;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            sha256.update(buffer, offset, read);
        } else if (read == -1) {
            checkDigest();
        }
        return read;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("Skipping would leave bytes unhashed");
    }

    private void checkDigest() {
        if (checked) {
            return;
        }
        checked = true;
        if (!HexFormat.of().formatHex(sha256.digest()).equals(expectedSha256Hex)) {
            throw SourceSnapshot.changed(documentLabel);
        }
    }
}
