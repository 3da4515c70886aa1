package io.cdctest.check;

import java.nio.charset.StandardCharsets;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * 64-bit XXHash of a row's canonical values: each value preceded by a NULL marker and followed by a
 * separator, so {@code ('x0','y')} and {@code ('x','0y')} differ and NULL differs from empty.
 */
public final class RowHasher {
    private static final XXHash64 HASH = XXHashFactory.fastestJavaInstance().hash64();
    private static final long SEED = 0x5EEDCDC7E57L;

    private RowHasher() {
    }

    public static long hash(String[] values) {
        int size = 0;
        byte[][] encoded = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            encoded[i] = values[i] == null ? null : values[i].getBytes(StandardCharsets.UTF_8);
            size += 2 + (encoded[i] == null ? 0 : encoded[i].length);
        }
        byte[] buffer = new byte[size];
        int at = 0;
        for (byte[] value : encoded) {
            if (value == null) {
                buffer[at++] = 0;
            } else {
                buffer[at++] = 1;
                System.arraycopy(value, 0, buffer, at, value.length);
                at += value.length;
            }
            buffer[at++] = 0x1F;
        }
        return HASH.hash(buffer, 0, size, SEED);
    }
}
