package org.sealdrop.viewer;

/**
 * The two facts about a JPEG that colour conversion needs, read from its marker segments: the number
 * of colour components of the frame, and whether an Adobe APP14 segment is present.
 *
 * @param components components of the first frame (1 grey, 3 YCbCr or RGB, 4 CMYK or YCCK), 0 if no
 *     frame header was found
 * @param adobe whether an Adobe APP14 segment precedes the frame; Adobe applications store CMYK
 *     values inverted (0 is full ink), so its presence decides how 4-component data is read
 */
record JpegMarkers(int components, boolean adobe) {

    private static final int MARKER = 0xFF;
    private static final int APP14 = 0xEE;
    private static final int START_OF_SCAN = 0xDA;

    /** Scans the segments from the start of image up to the first scan; never throws on bad data. */
    static JpegMarkers scan(byte[] jpeg) {
        boolean adobe = false;
        int position = 2;
        while (position + 4 <= jpeg.length) {
            if ((jpeg[position] & 0xFF) != MARKER) {
                return new JpegMarkers(0, adobe);
            }
            int marker = jpeg[position + 1] & 0xFF;
            if (marker == MARKER) {
                // Fill bytes may pad the space between segments.
                position++;
                continue;
            }
            int length = ((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF);
            if (marker == APP14 && length >= 7 && position + 9 <= jpeg.length
                    && new String(jpeg, position + 4, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Adobe")) {
                adobe = true;
            }
            if (isStartOfFrame(marker) && position + 10 <= jpeg.length) {
                return new JpegMarkers(jpeg[position + 9] & 0xFF, adobe);
            }
            if (marker == START_OF_SCAN || length < 2) {
                return new JpegMarkers(0, adobe);
            }
            position += 2 + length;
        }
        return new JpegMarkers(0, adobe);
    }

    /** Tells whether a marker is SOF0 to SOF15; DHT (C4), JPG (C8) and DAC (CC) share that range (ITU-T T.81, table B.1). */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
