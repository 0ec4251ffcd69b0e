package dev.emu.arm32;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.rt.armfp.Fp;
import dev.emu.core.rt.armfp.FpConvert;
import dev.emu.core.rt.armfp.FpFast;

/**
 * The VFP operations AArch32 has and AArch64 lacks, on core's shared Arm FP arithmetic
 * ({@link dev.emu.core.rt.armfp}): FPSCR's RMode, FZ and DN apply and its cumulative flags
 * accumulate exactly as for the AArch64 core. Values travel as bit patterns zero-extended in
 * a long; {@code fmt} is {@link Fp#S} or {@link Fp#D}.
 */
public final class VfpHelpers {
    private VfpHelpers() {}

    /** FPSCR bits VMSR writes: N Z C V QC, DN FZ RMode, the cumulative flags and IDC (A2.7.3). */
    public static final int FPSCR_WRITABLE = 0xFBC0_009F;

    /** Kinds of {@link #mulAccumulate}: the A8.8 VMLA/VMLS and VNMLA/VNMLS operations. */
    public static final int VMLA = 0, VMLS = 1, VNMLA = 2, VNMLS = 3;

    /**
     * VMLA, VMLS, VNMLA, VNMLS (floating point): the product rounded, negated where the
     * instruction says (FPNeg of a NaN flips its sign too), then added to the possibly
     * negated accumulator and rounded again, each step raising its own flags.
     */
    public static long mulAccumulate(CpuState s, int kind, long d, long n, long m, int fmt) {
        long p = FpFast.mul(s, n, m, fmt);
        if (kind == VMLS || kind == VNMLA) {
            p = Fp.neg(p, fmt);
        }
        if (kind == VNMLA || kind == VNMLS) {
            d = Fp.neg(d, fmt);
        }
        return FpFast.add(s, d, p, fmt);
    }

    /**
     * VCVT to fixed point (A8.8.309): FPToFixed rounding toward zero to a {@code size}-bit
     * (16 or 32) integer with {@code fbits} fraction bits, saturating with IOC; the result
     * sign- or zero-extended to 64 bits (the caller keeps what its register holds).
     */
    public static long toFixed(CpuState s, long a, int fmt, int fbits, int unsigned, int size) {
        long r = FpConvert.toFixed(s, a, fmt, fbits, unsigned != 0, size, Fp.RZ);
        int sh = 64 - size;
        return unsigned != 0 ? r << sh >>> sh : r << sh >> sh;
    }

    /**
     * VCVT from fixed point: the low {@code size} bits of {@code v} over 2^fbits, rounded to
     * nearest whatever FPSCR.RMode says (FixedToFP with round_to_nearest, as qemu-arm agrees;
     * VCVT from a plain integer does use RMode).
     */
    public static long fromFixed(CpuState s, long v, int fmt, int fbits, int unsigned, int size) {
        int sh = 64 - size;
        long x = unsigned != 0 ? v << sh >>> sh : v << sh >> sh;
        return FpConvert.fromFixed(s, x, 64, false, fbits, fmt, Fp.RN);
    }

    /**
     * VCMP, VCMPE: FPSCR.NZCV from FPCompare (1000 less, 0110 equal, 0010 greater, 0011
     * unordered); a signalling NaN, or with {@code signalAll} (VCMPE) any NaN, raises IOC.
     */
    public static void compare(CpuState s, long a, long b, int fmt, int signalAll) {
        int nzcv = FpFast.compare(s, a, b, fmt, signalAll != 0);
        int slot = Arm32Registers.FPSCR;
        s.regs[slot] = s.regs[slot] & 0x0FFF_FFFFL | (long) nzcv << 28;
    }
}
