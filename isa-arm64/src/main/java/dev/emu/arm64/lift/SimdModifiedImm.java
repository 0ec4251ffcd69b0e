package dev.emu.arm64.lift;

import static dev.emu.arm64.lift.SimdLift.hi;
import static dev.emu.arm64.lift.SimdLift.lo;
import static dev.emu.arm64.lift.SimdLift.setV;

import dev.emu.core.ir.Value;

/** C4.1 Advanced SIMD modified immediate: MOVI, MVNI, ORR, BIC (vector, immediate), FMOV (vector, immediate). */
public final class SimdModifiedImm {
    private SimdModifiedImm() {}

    /** 0 Q op 0111100000 abc cmode o2 1 defgh Rd. */
    public static void lift(LiftContext c, int w) {
        boolean q = (w >>> 30 & 1) != 0;
        int op = w >>> 29 & 1, cmode = w >>> 12 & 15, o2 = w >>> 11 & 1, d = w & 31;
        int imm8 = (w >>> 16 & 7) << 5 | (w >>> 5 & 31);
        if (o2 != 0 || (cmode == 0b1111 && op == 1 && !q)) {
            c.illegal(); // o2 = 1 is FMOV (vector, half precision), FEAT_FP16
            return;
        }
        long imm = expand(op, cmode, imm8);
        boolean orr = (cmode & 1) == 1 && cmode < 0b1100;
        if (orr) {
            // ORR (op = 0) or BIC (op = 1) with the shifted immediate
            long v = op == 0 ? imm : ~imm;
            Value l = op == 0 ? c.b.or(lo(c, d), c.b.c64(v)) : c.b.and(lo(c, d), c.b.c64(v));
            Value h = q ? (op == 0 ? c.b.or(hi(c, d), c.b.c64(v)) : c.b.and(hi(c, d), c.b.c64(v))) : null;
            setV(c, d, l, h, q);
            return;
        }
        boolean mvni = op == 1 && cmode < 0b1110;
        long v = mvni ? ~imm : imm;
        Value k = c.b.c64(v);
        setV(c, d, k, k, q);
    }

    /** AdvSIMDExpandImm for the non-inverted forms: the 64-bit pattern. */
    static long expand(int op, int cmode, int imm8) {
        long i = imm8 & 0xFF;
        switch (cmode >>> 1) {
            case 0, 1, 2, 3 -> {
                return rep32(i << (8 * (cmode >>> 1)));
            }
            case 4, 5 -> {
                long h = i << (8 * ((cmode >>> 1) & 1));
                return h | h << 16 | h << 32 | h << 48;
            }
            case 6 -> {
                long x = (cmode & 1) == 0 ? i << 8 | 0xFF : i << 16 | 0xFFFF;
                return rep32(x);
            }
            default -> {
                if (cmode == 0b1110) {
                    if (op == 0) {
                        return i * 0x0101_0101_0101_0101L;
                    }
                    long r = 0;
                    for (int b = 0; b < 8; b++) {
                        if ((i >>> b & 1) != 0) {
                            r |= 0xFFL << (8 * b);
                        }
                    }
                    return r;
                }
                if (op == 0) { // FMOV single: a:NOT(b):bbbbb:cdefgh:Zeros(19)
                    long s = (i >>> 7) << 31 | ((i >>> 6 & 1) ^ 1) << 30 | ((i >>> 6 & 1) != 0 ? 0x1FL << 25 : 0)
                            | (i & 0x3F) << 19;
                    return rep32(s);
                }
                // FMOV double: a:NOT(b):bbbbbbbb:cdefgh:Zeros(48)
                return (i >>> 7) << 63 | ((i >>> 6 & 1) ^ 1) << 62 | ((i >>> 6 & 1) != 0 ? 0xFFL << 54 : 0)
                        | (i & 0x3F) << 48;
            }
        }
    }

    private static long rep32(long x) {
        x &= 0xFFFF_FFFFL;
        return x | x << 32;
    }
}
