package dev.emu.core.decode;

import java.util.Arrays;

/**
 * A 32-bit encoding pattern as the manuals print them, most significant bit first:
 * {@code '0'}/{@code '1'} are fixed bits, {@code '-'} is a bit the encoding ignores, and a
 * letter names a field. {@code '_'} separators are skipped. Every occurrence of a letter,
 * from left to right, is one more bit of that field, so a field may be split
 * ({@code "ii1i"} names a 3-bit field {@code i}).
 *
 * <p>Example: {@code "z001_0001_0sii_iiii_iiii_iinn_nnnd_dddd"} (A64 ADD immediate).
 */
public final class BitPattern {
    private final String text;
    private final int mask;
    private final int value;
    /** For each letter (index = char), its bit positions from most to least significant; null if absent. */
    private final int[][] fieldBits = new int[128][];
    /** For a contiguous field, its mask after shifting down; -1 marks a split field. */
    private final int[] contiguousShift = new int[128];
    private final int[] contiguousMask = new int[128];
    private final String letters;

    private BitPattern(String text) {
        this.text = text;
        // one pass, no collections: decoder tables parse hundreds of these while a program starts
        int[] positions = new int[32];
        byte[] letterOf = new byte[32];
        int n = 0;
        int m = 0;
        int v = 0;
        char[] chars = text.toCharArray(); // one copy instead of a bounds-checked charAt call per bit
        for (char ch : chars) {
            if (ch == '_') {
                continue;
            }
            if (n == 32) {
                throw new IllegalArgumentException("pattern '" + text + "' has more than 32 bits");
            }
            int bit = 31 - n;
            switch (ch) {
                case '0' -> m |= 1 << bit;
                case '1' -> {
                    m |= 1 << bit;
                    v |= 1 << bit;
                }
                case '-' -> { }
                default -> {
                    if (!(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z')) {
                        throw new IllegalArgumentException("pattern '" + text + "': bad character '" + ch + "'");
                    }
                }
            }
            letterOf[n] = (byte) (ch == '0' || ch == '1' || ch == '-' ? 0 : ch);
            n++;
        }
        if (n != 32) {
            throw new IllegalArgumentException("pattern '" + text + "' has " + n + " bits, not 32");
        }
        this.mask = m;
        this.value = v;
        Arrays.fill(contiguousShift, -1);
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            char c = (char) letterOf[i];
            if (c == 0 || fieldBits[c] != null) {
                continue;
            }
            order.append(c);
            int count = 0;
            for (int k = i; k < 32; k++) {
                if (letterOf[k] == c) {
                    positions[count++] = 31 - k;
                }
            }
            int[] pos = Arrays.copyOf(positions, count);
            fieldBits[c] = pos;
            boolean contiguous = true;
            for (int k = 1; k < pos.length; k++) {
                contiguous &= pos[k] == pos[k - 1] - 1;
            }
            if (contiguous) {
                contiguousShift[c] = pos[pos.length - 1];
                contiguousMask[c] = (int) ((1L << pos.length) - 1);
            }
        }
        this.letters = order.toString();
    }

    public static BitPattern of(String text) {
        return new BitPattern(text);
    }

    /** Bits the pattern fixes. */
    public int mask() {
        return mask;
    }

    /** Values of the fixed bits. */
    public int value() {
        return value;
    }

    public boolean matches(int word) {
        return (word & mask) == value;
    }

    /** Whether some word matches both patterns. */
    public boolean overlaps(BitPattern other) {
        return ((value ^ other.value) & mask & other.mask) == 0;
    }

    /** Whether every word matching {@code other} also matches this pattern. */
    public boolean covers(BitPattern other) {
        return (mask & other.mask) == mask && (other.value & mask) == value;
    }

    public boolean hasField(char letter) {
        return letter < 128 && fieldBits[letter] != null;
    }

    /** The field letters in order of first appearance. */
    public String fieldLetters() {
        return letters;
    }

    /** Width in bits of field {@code letter}. */
    public int width(char letter) {
        return bits(letter).length;
    }

    private int[] bits(char letter) {
        int[] b = letter < 128 ? fieldBits[letter] : null;
        if (b == null) {
            throw new IllegalArgumentException("pattern '" + text + "' has no field '" + letter + "'");
        }
        return b;
    }

    /** The unsigned value of field {@code letter} in {@code word}, its bits concatenated left to right. */
    public int field(int word, char letter) {
        int shift = letter < 128 ? contiguousShift[letter] : -1;
        if (shift >= 0) {
            return (word >>> shift) & contiguousMask[letter];
        }
        int r = 0;
        for (int bit : bits(letter)) {
            r = (r << 1) | ((word >>> bit) & 1);
        }
        return r;
    }

    /** Field {@code letter} sign-extended from its width. */
    public int signedField(int word, char letter) {
        int w = width(letter);
        return field(word, letter) << (32 - w) >> (32 - w);
    }

    @Override
    public String toString() {
        return text;
    }
}
