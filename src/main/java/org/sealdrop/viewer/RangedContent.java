package org.sealdrop.viewer;

/**
 * Verified plaintext of a document that the viewer reads by position instead of holding it whole,
 * such as a large PDF fetched in ranged GETs. Every byte it returns was authenticated before.
 */
public interface RangedContent {

    /** Returns the plaintext length in bytes. */
    long length();

    /**
     * Copies up to {@code length} bytes from {@code position} into {@code buffer} and returns how many,
     * or -1 when {@code position} is at or past the end. May return fewer bytes than requested.
     *
     * @throws org.sealdrop.SealDropException when the bytes cannot be fetched, or with code
     *     {@code SD-INTEGRITY} when they fail verification; nothing of the failed part is copied
     */
    int read(long position, byte[] buffer, int offset, int length);
}
