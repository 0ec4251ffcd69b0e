package dev.emu.ppc64le.lift;

import dev.emu.core.decode.BitPattern;

/**
 * The instruction word being lifted and the row's pattern it matched: fields by letter. The
 * letters are the Power ISA field names where they fit in one letter (see
 * {@link dev.emu.ppc64le.PpcDecoder} for each form's letters); {@link #bit(int)} numbers bits
 * the manual's way, 0 being the most significant.
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

    /** Bit {@code n} of the word in the manual's numbering (bit 0 is the most significant). */
    public int bit(int n) {
        return (word >>> (31 - n)) & 1;
    }

    /** The Rc bit: whether a record form updates CR0 (or CR1, CR6). */
    public boolean rc() {
        return (word & 1) != 0;
    }
}
