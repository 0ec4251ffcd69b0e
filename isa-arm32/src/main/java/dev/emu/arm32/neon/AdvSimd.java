package dev.emu.arm32.neon;

import static dev.emu.arm32.neon.Lanes.bit;

import dev.emu.core.cpu.CpuState;

/**
 * A7.4 Advanced SIMD data-processing instructions, in their A32 form {@code 1111 001U A
 * ... B C ...} (the lifter turns Thumb's {@code 111U 1111} into it): {@link #valid} says
 * whether the word is an ARMv7 Advanced SIMD instruction this core runs (the lifter traps
 * the rest as illegal), {@link #exec} runs it on the register file. One class per group of
 * the manual's table.
 */
public final class AdvSimd {
    private AdvSimd() {}

    enum Group { THREE_SAME, MODIFIED_IMMEDIATE, SHIFT, THREE_DIFFERENT, SCALAR, EXT, TWO_MISC, TABLE, DUP_SCALAR }

    /** A7.4's table: A = bits 23:19, B = 11:8, C = 7:4, U = bit 24. */
    static Group group(int w) {
        int u = bit(w, 24);
        if (bit(w, 23) == 0) {
            return Group.THREE_SAME;
        }
        if (bit(w, 4) == 1) {
            return bit(w, 7) == 0 && (w >>> 19 & 7) == 0 ? Group.MODIFIED_IMMEDIATE : Group.SHIFT;
        }
        if ((w >>> 20 & 3) != 3) {
            return bit(w, 6) == 0 ? Group.THREE_DIFFERENT : Group.SCALAR;
        }
        if (u == 0) {
            return Group.EXT;
        }
        int b = w >>> 8 & 0xF;
        if (b < 8) {
            return Group.TWO_MISC;
        }
        if (b < 12) {
            return Group.TABLE;
        }
        return b == 12 && bit(w, 7) == 0 ? Group.DUP_SCALAR : null;
    }

    public static boolean valid(int w) {
        Group g = group(w);
        if (g == null) {
            return false;
        }
        return switch (g) {
            case THREE_SAME -> ThreeSame.valid(w);
            case MODIFIED_IMMEDIATE -> Permute.validModifiedImmediate(w);
            case SHIFT -> ShiftImm.valid(w);
            case THREE_DIFFERENT -> ThreeDifferent.valid(w);
            case SCALAR -> ThreeDifferent.validScalar(w);
            case EXT -> Permute.validExt(w);
            case TWO_MISC -> TwoMisc.valid(w);
            case TABLE -> Permute.validTable(w);
            case DUP_SCALAR -> Permute.validDupScalar(w);
        };
    }

    /** Runs a word {@link #valid} accepted. */
    public static void exec(CpuState s, int w) {
        switch (group(w)) {
            case THREE_SAME -> ThreeSame.exec(s, w);
            case MODIFIED_IMMEDIATE -> Permute.modifiedImmediate(s, w);
            case SHIFT -> ShiftImm.exec(s, w);
            case THREE_DIFFERENT -> ThreeDifferent.exec(s, w);
            case SCALAR -> ThreeDifferent.scalar(s, w);
            case EXT -> Permute.ext(s, w);
            case TWO_MISC -> TwoMisc.exec(s, w);
            case TABLE -> Permute.table(s, w);
            case DUP_SCALAR -> Permute.dupScalar(s, w);
        }
    }
}
