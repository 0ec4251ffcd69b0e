package dev.emu.arm64.lift;

import static dev.emu.arm64.Arm64Registers.vhi;
import static dev.emu.arm64.Arm64Registers.vlo;
import static dev.emu.arm64.lift.SimdLoadStore.field;
import static dev.emu.arm64.lift.SimdLoadStore.insert;
import static dev.emu.arm64.lift.SimdLoadStore.replicator;
import static dev.emu.arm64.lift.SimdLift.setV;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * C4.1 Advanced SIMD copy (DUP element and general, INS element and general, SMOV, UMOV)
 * and Advanced SIMD scalar copy (DUP element, scalar), as IR on the register halves.
 */
public final class SimdCopy {
    private SimdCopy() {}

    /** 0 Q op 01110000 imm5 0 imm4 1 Rn Rd. */
    public static void vector(LiftContext c, Fields f) {
        int w = f.word();
        boolean q = (w >>> 30 & 1) != 0;
        int op = w >>> 29 & 1, imm5 = w >>> 16 & 31, imm4 = w >>> 11 & 15, n = w >>> 5 & 31, d = w & 31;
        int size = Integer.numberOfTrailingZeros(imm5);
        if (size > 3) {
            c.illegal();
            return;
        }
        int bits = 8 << size, index = imm5 >>> (size + 1);
        IrBuilder b = c.b;
        if (op == 1) { // INS (element)
            if (!q) {
                c.illegal();
                return;
            }
            Value el = element(c, n, imm4 >>> size, bits);
            insertElement(c, d, index, bits, el);
            return;
        }
        switch (imm4) {
            case 0b0000 -> { // DUP (element)
                if (size == 3 && !q) {
                    c.illegal();
                    return;
                }
                Value v = replicate(b, element(c, n, index, bits), bits);
                setV(c, d, v, v, q);
            }
            case 0b0001 -> { // DUP (general)
                if (size == 3 && !q) {
                    c.illegal();
                    return;
                }
                Value x = c.x(n);
                Value v = replicate(b, bits == 64 ? x : b.and(x, b.c64((1L << bits) - 1)), bits);
                setV(c, d, v, v, q);
            }
            case 0b0011 -> { // INS (general)
                if (!q) {
                    c.illegal();
                    return;
                }
                insertElement(c, d, index, bits, c.x(n));
            }
            case 0b0101, 0b0111 -> { // SMOV, UMOV
                boolean signed = imm4 == 0b0101;
                boolean ok = signed ? (q ? size <= 2 : size <= 1) : (q ? size == 3 : size <= 2);
                if (!ok) {
                    c.illegal();
                    return;
                }
                Value el = element(c, n, index, bits);
                if (signed) {
                    el = b.sext(el, bits, Type.I64);
                    if (!q) {
                        el = b.and(el, b.c64(0xFFFF_FFFFL));
                    }
                }
                c.setReg(d, el);
            }
            default -> c.illegal();
        }
    }

    /** 01 op 11110000 imm5 0 imm4 1 Rn Rd: DUP (element) to a scalar (op = 0, imm4 = 0). */
    public static void scalar(LiftContext c, Fields f) {
        int w = f.word();
        int op = w >>> 29 & 1, imm5 = w >>> 16 & 31, imm4 = w >>> 11 & 15, n = w >>> 5 & 31, d = w & 31;
        int size = Integer.numberOfTrailingZeros(imm5);
        if (op != 0 || imm4 != 0 || size > 3) {
            c.illegal();
            return;
        }
        int bits = 8 << size;
        SimdLift.setScalar(c, d, element(c, n, imm5 >>> (size + 1), bits));
    }

    /** Element {@code index} of V<n>, zero-extended to I64. */
    static Value element(LiftContext c, int n, int index, int bits) {
        int bit = index * bits;
        return field(c.b, c.b.getReg64(bit < 64 ? vlo(n) : vhi(n)), bit & 63, bits);
    }

    static void insertElement(LiftContext c, int d, int index, int bits, Value v) {
        int bit = index * bits;
        int slot = bit < 64 ? vlo(d) : vhi(d);
        c.b.setReg(slot, insert(c.b, c.b.getReg64(slot), v, bit & 63, bits));
    }

    static Value replicate(IrBuilder b, Value el, int bits) {
        return bits == 64 ? el : b.mul(el, b.c64(replicator(bits)));
    }
}
