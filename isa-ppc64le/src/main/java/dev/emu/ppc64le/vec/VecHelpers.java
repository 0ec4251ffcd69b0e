package dev.emu.ppc64le.vec;

import dev.emu.core.cpu.CpuState;
import dev.emu.ppc64le.fp.PpcFp;

/**
 * The static entry points the generated code calls for VMX and VSX instructions: each runs the
 * table entry of the word's extended opcode (the lifter only routes words that have one).
 */
public final class VecHelpers {
    private VecHelpers() {}

    /** VX- and VC-form (primary 4, 11-bit XO). */
    public static void vx(CpuState s, int word) {
        VmxInteger.VX.exec(s, word);
    }

    /** VA-form (primary 4, 6-bit XO). */
    public static void va(CpuState s, int word) {
        VmxPermute.VA.exec(s, word);
    }

    public static void xx2(CpuState s, int word) {
        Vsx.XX2.exec(s, word);
    }

    public static void xx3(CpuState s, int word) {
        Vsx.XX3.exec(s, word);
    }

    public static void xx4(CpuState s, int word) {
        Vsx.XX4.exec(s, word);
    }

    /** lfs / lxsspx: a loaded binary32 word as the binary64 an FPR holds (exact, no exceptions). */
    public static long singleToDouble(int bits) {
        return PpcFp.singleToDouble(bits);
    }

    /**
     * stfs / stxsspx: the binary32 word stored from an FPR, by the ISA's bit selection (no
     * rounding, no exceptions): exponents in single range keep their bits, tiny values
     * denormalise by truncation.
     */
    public static int doubleToStoredSingle(long d) {
        int e = (int) (d >>> 52) & 0x7FF;
        if (e > 896 || (d & Long.MAX_VALUE) == 0) {
            return (int) (d >>> 32 & 0xC000_0000L) | (int) (d >>> 29 & 0x3FFF_FFFFL);
        }
        if (e >= 874) {
            long frac = (d & ((1L << 52) - 1)) | 1L << 52; // 1.fraction
            int shift = 897 - e; // denormalise to exponent -126
            long m = frac >>> (29 + shift);
            return (int) (d >>> 63) << 31 | (int) (m & 0x7F_FFFF);
        }
        return (int) (d >>> 63) << 31; // too small for single: the ISA leaves it undefined; a zero
    }
}
