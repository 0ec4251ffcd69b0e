package dev.emu.arm32.lift;

import dev.emu.core.decode.BitPattern;

/**
 * The instruction being lifted and the pattern it matched: fields by letter. A 16-bit Thumb
 * instruction sits in the top half of {@code word}; a 32-bit one is {@code hw1 << 16 | hw2}.
 */
public record Fields(int word, BitPattern pattern) {
    /** Field {@code letter}, unsigned. */
    public int get(char letter) {
        return pattern.field(word, letter);
    }

    /** Field {@code letter}, sign-extended from its width. */
    public int signed(char letter) {
        return pattern.signedField(word, letter);
    }

    /** Bit {@code n} of the word. */
    public int bit(int n) {
        return (word >>> n) & 1;
    }

    public boolean has(char letter) {
        return pattern.hasField(letter);
    }
}
