package dev.emu.arm32.neon;

import static dev.emu.arm32.Arm32Registers.FPSCR;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.rt.armfp.Fp;
import dev.emu.core.rt.armfp.FpFast;

/**
 * Advanced SIMD floating point (binary32 lanes) on core's shared Arm FP code. Advanced SIMD
 * ignores FPSCR's DN, FZ and RMode and uses the "standard FPSCR value" (default NaN, flush
 * to zero, round to nearest) while still accumulating FPSCR's exception flags: {@link
 * #enter} swaps those control bits in for the instruction and {@link #leave} puts the guest's
 * back.
 */
final class NeonFp {
    private NeonFp() {}

    private static final long CONTROL = 0x03C0_0000L; // DN, FZ, RMode
    private static final long STANDARD = 0x0300_0000L; // DN = FZ = 1, RMode = RN

    static long enter(CpuState s) {
        long saved = s.regs[FPSCR];
        s.regs[FPSCR] = saved & ~CONTROL | STANDARD;
        return saved;
    }

    static void leave(CpuState s, long saved) {
        s.regs[FPSCR] = s.regs[FPSCR] & ~CONTROL | saved & CONTROL;
    }

    static final long TWO = 0x4000_0000L, THREE = 0x4040_0000L, ONE_POINT_FIVE = 0x3FC0_0000L;

    private static boolean infTimesZero(long a, long b) {
        boolean aInf = (a & 0x7FFF_FFFFL) == 0x7F80_0000L, bInf = (b & 0x7FFF_FFFFL) == 0x7F80_0000L;
        boolean aZero = (a & 0x7F80_0000L) == 0, bZero = (b & 0x7F80_0000L) == 0; // zero or denormal (flushed)
        return aInf && bZero || bInf && aZero;
    }

    /** FPUnpack's IDC for a denormal operand that flush-to-zero reads as zero. */
    private static void flushedInput(CpuState s, long a, long b) {
        if ((a & 0x7F80_0000L) == 0 && (a & 0x007F_FFFFL) != 0 || (b & 0x7F80_0000L) == 0 && (b & 0x007F_FFFFL) != 0) {
            Fp.raise(s, Fp.IDC);
        }
    }

    /** VRECPS: 2 - a * b with two roundings (ARMv7 FPRecipStep); infinity times zero gives 2. */
    static long recipStep(CpuState s, long a, long b) {
        boolean nan = Float.isNaN(Float.intBitsToFloat((int) a)) || Float.isNaN(Float.intBitsToFloat((int) b));
        if (!nan && infTimesZero(a, b)) {
            flushedInput(s, a, b);
            return TWO;
        }
        return FpFast.sub(s, TWO, FpFast.mul(s, a, b, Fp.S), Fp.S);
    }

    /** VRSQRTS: (3 - a * b) / 2 (ARMv7 FPRSqrtStep); infinity times zero gives 1.5. */
    static long rsqrtStep(CpuState s, long a, long b) {
        boolean nan = Float.isNaN(Float.intBitsToFloat((int) a)) || Float.isNaN(Float.intBitsToFloat((int) b));
        if (!nan && infTimesZero(a, b)) {
            flushedInput(s, a, b);
            return ONE_POINT_FIVE;
        }
        return FpFast.div(s, FpFast.sub(s, THREE, FpFast.mul(s, a, b, Fp.S), Fp.S), TWO, Fp.S);
    }
}
