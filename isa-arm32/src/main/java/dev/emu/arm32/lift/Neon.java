package dev.emu.arm32.lift;

import dev.emu.arm32.neon.AdvSimd;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/**
 * A7.4 Advanced SIMD data processing and the A7.8 transfers between core registers and
 * scalars of 8 and 16 bits (VMOV scalar, VDUP). Data processing lifts to one call of a
 * state-touching helper with the instruction in its A32 form ({@link AdvSimd}); the lifter
 * has already checked it is allocated, so everything else traps as an illegal instruction.
 */
public final class Neon {
    private Neon() {}

    private static final Helper EXEC = Helper.of(AdvSimd.class, "exec");

    /** Thumb's 111U 1111 ... is A32's 1111 001U ...; A32 words pass unchanged. */
    static int a32DataProcessing(LiftContext c, int word) {
        return c.thumb() ? 0xF200_0000 | (word >>> 28 & 1) << 24 | word & 0x00FF_FFFF : word;
    }

    /** Advanced SIMD data processing (A7.4), A32 1111_001U and Thumb 111U_1111. */
    public static void DATA(LiftContext c, Fields f) {
        int w = a32DataProcessing(c, f.word());
        if (!AdvSimd.valid(w)) {
            c.illegal();
            return;
        }
        c.b.call(EXEC, c.c32(w & 0xFFFF_FFFFL));
    }

    // ---------------------------------------------------------------- A7.8 scalar transfers
    /** Size and index of a scalar from opc1 ('h', bits 22:21) and opc2 ('l', bits 6:5); null when reserved. */
    private static int[] scalar(int opc1, int opc2) {
        if ((opc1 & 2) != 0) {
            return new int[] {8, (opc1 & 1) << 2 | opc2};
        }
        if ((opc2 & 1) != 0) {
            return new int[] {16, (opc1 & 1) << 1 | opc2 >> 1};
        }
        if ((opc2 & 2) == 0) {
            return new int[] {32, opc1 & 1};
        }
        return null;
    }

    private static long laneMask(int esize, int index) {
        return (esize == 32 ? 0xFFFF_FFFFL : (1L << esize) - 1) << (esize * index);
    }

    /** VMOV (ARM core register to scalar): Dd[x] = Rt<esize-1:0>. */
    public static void VMOV_core_to_scalar(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        int t = f.get('t'), dn = f.get('N') << 4 | f.get('n');
        int[] sc = scalar(f.get('h'), f.get('l'));
        if (t == 15 || sc == null) {
            c.illegal();
            return;
        }
        long mask = laneMask(sc[0], sc[1]);
        Value v = b.shl(b.zext64(c.reg(t)), b.c64((long) sc[0] * sc[1]));
        c.setDreg(dn, b.or(b.and(c.dreg(dn), b.c64(~mask)), b.and(v, b.c64(mask))));
    }

    /** VMOV (scalar to ARM core register): Rt = Dn[x], zero- ('U') or sign-extended. */
    public static void VMOV_scalar_to_core(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        int t = f.get('t'), dn = f.get('N') << 4 | f.get('n');
        int[] sc = scalar(f.get('h'), f.get('l'));
        if (t == 15 || sc == null || sc[0] == 32 && f.get('U') == 1) {
            c.illegal();
            return;
        }
        int esize = sc[0];
        Value x = b.shl(c.dreg(dn), b.c64(64 - esize - (long) esize * sc[1]));
        x = f.get('U') == 1 ? b.shr(x, b.c64(64 - esize)) : b.sar(x, b.c64(64 - esize));
        c.setReg(t, b.trunc32(x));
    }

    /** VDUP (ARM core register): every esize lane of Dd (Qd with 'q') = Rt; b:e 00 32-bit, 01 16-bit, 10 8-bit. */
    public static void VDUP_core(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        int t = f.get('t'), d = f.get('D') << 4 | f.get('d'), be = f.get('b') << 1 | f.get('e');
        boolean q = f.get('q') == 1;
        if (t == 15 || be == 3 || q && (d & 1) != 0) {
            c.illegal();
            return;
        }
        long times = be == 0 ? 0x0000_0001_0000_0001L : be == 1 ? 0x0001_0001_0001_0001L : 0x0101_0101_0101_0101L;
        long mask = be == 0 ? 0xFFFF_FFFFL : be == 1 ? 0xFFFF : 0xFF;
        Value v = b.mul(b.and(b.zext64(c.reg(t)), b.c64(mask)), b.c64(times));
        c.setDreg(d, v);
        if (q) {
            c.setDreg(d + 1, v);
        }
    }
}
