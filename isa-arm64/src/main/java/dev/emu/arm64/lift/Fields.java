package dev.emu.arm64.lift;

import dev.emu.core.decode.BitPattern;

/** The instruction word being lifted and the pattern it matched: fields by letter. */
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
}
