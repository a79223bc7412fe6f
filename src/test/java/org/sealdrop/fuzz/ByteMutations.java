package org.sealdrop.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Applies up to four changes, chosen by the fuzzer, to a valid input such as an object or a key file.
 * A change flips a bit, overwrites a byte, inserts bytes, deletes a range, cuts the input, or copies a
 * range over another place (a splice of chunks or fields). Zero changes leave the input as it was. The fuzzer's
 * own mutations then work on the choices, so they stay close to the valid input.
 */
public final class ByteMutations {

    private static final int MAX_CHANGES = 4;
    private static final int MAX_INSERTED_BYTES = 64;

    private ByteMutations() {
    }

    /** Returns a changed copy of {@code original}; {@code original} itself is not changed. */
    public static byte[] apply(byte[] original, FuzzedDataProvider data) {
        byte[] object = original.clone();
        int changes = data.consumeInt(0, MAX_CHANGES);
        for (int i = 0; i < changes && object.length > 0; i++) {
            object = applyOne(object, data);
        }
        return object;
    }

    private static byte[] applyOne(byte[] object, FuzzedDataProvider data) {
        int position = data.consumeInt(0, object.length - 1);
        switch (data.consumeInt(0, 5)) {
            case 0 -> object[position] ^= (byte) (1 << data.consumeInt(0, 7));
            case 1 -> object[position] = data.consumeByte();
            case 2 -> {
                byte[] inserted = data.consumeBytes(data.consumeInt(1, MAX_INSERTED_BYTES));
                ByteArrayOutputStream out = new ByteArrayOutputStream(object.length + inserted.length);
                out.write(object, 0, position);
                out.writeBytes(inserted);
                out.write(object, position, object.length - position);
                return out.toByteArray();
            }
            case 3 -> {
                int end = data.consumeInt(position, object.length);
                byte[] shorter = Arrays.copyOf(object, object.length - (end - position));
                System.arraycopy(object, end, shorter, position, object.length - end);
                return shorter;
            }
            case 4 -> {
                return Arrays.copyOf(object, position);
            }
            default -> {
                int target = data.consumeInt(0, object.length - 1);
                int length = data.consumeInt(1, object.length - Math.max(position, target));
                System.arraycopy(object, position, object, target, length);
            }
        }
        return object;
    }
}
