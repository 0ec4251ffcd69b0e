package dev.emu.arm32.lift;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/**
 * The shifter of A8.4: Shift_C by an immediate (DecodeImmShift) or by the bottom byte of a
 * register, and the modified immediates ARMExpandImm_C / ThumbExpandImm_C. A carry-out is
 * produced only when asked for (flag-setting logical instructions); a null carry means
 * "unchanged", the shifter passing the C flag through.
 */
public final class Shifter {
    private Shifter() {}

    public static final int LSL = 0;
    public static final int LSR = 1;
    public static final int ASR = 2;
    public static final int ROR = 3;

    /** A shifted operand and its carry-out (null: C unchanged, or not asked for). */
    public record Shifted(Value value, Value carry) {}

    /** Shift_C(x, DecodeImmShift(type, imm5)) (A8.4.1): imm5 0 means 32 for LSR/ASR and RRX for ROR. */
    public static Shifted immShift(LiftContext c, Value x, int type, int imm5, boolean wantCarry) {
        IrBuilder b = c.b;
        switch (type) {
            case LSL -> {
                if (imm5 == 0) {
                    return new Shifted(x, null);
                }
                return new Shifted(b.shl(x, b.c32(imm5)), wantCarry ? bit(b, x, 32 - imm5) : null);
            }
            case LSR -> {
                if (imm5 == 0) {
                    return new Shifted(b.c32(0), wantCarry ? bit(b, x, 31) : null);
                }
                return new Shifted(b.shr(x, b.c32(imm5)), wantCarry ? bit(b, x, imm5 - 1) : null);
            }
            case ASR -> {
                int n = imm5 == 0 ? 32 : imm5;
                return new Shifted(b.sar(x, b.c32(Math.min(n, 31))), wantCarry ? bit(b, x, n - 1) : null);
            }
            default -> {
                if (imm5 == 0) { // RRX
                    Value r = b.or(b.shl(c.carryFlag(), b.c32(31)), b.shr(x, b.c32(1)));
                    return new Shifted(r, wantCarry ? bit(b, x, 0) : null);
                }
                return new Shifted(b.rotr(x, b.c32(imm5)), wantCarry ? bit(b, x, imm5 - 1) : null);
            }
        }
    }

    /** Shift without carry-out: register offsets of loads and stores. */
    public static Value immShift(LiftContext c, Value x, int type, int imm5) {
        return immShift(c, x, type, imm5, false).value();
    }

    private static Value bit(IrBuilder b, Value x, int n) {
        return b.and(b.shr(x, b.c32(n)), b.c32(1));
    }

    /**
     * Shift_C(x, type, Rs[7:0]) of the register-shifted register forms: amounts of 32 and more
     * shift everything out, an amount of 0 leaves x and the carry as they are.
     */
    public static Shifted regShift(LiftContext c, Value x, int type, Value rs, boolean wantCarry) {
        IrBuilder b = c.b;
        Value amount = b.and(rs, b.c32(0xFF));
        Value isZero = b.cmpEq(amount, b.c32(0));
        Value result;
        Value carry = null;
        switch (type) {
            case LSL -> {
                // in 64 bits, bit 32 of the shifted value is the last bit shifted out
                Value a = b.zext64(b.select(b.cmpLtu(amount, b.c32(33)), amount, b.c32(33)));
                Value wide = b.shl(b.zext64(x), a);
                result = b.trunc32(wide);
                if (wantCarry) {
                    carry = b.trunc32(b.and(b.shr(wide, b.c64(32)), b.c64(1)));
                }
            }
            case LSR -> {
                // x << 1 keeps the last bit shifted out at bit 0
                Value a = b.zext64(b.select(b.cmpLtu(amount, b.c32(33)), amount, b.c32(33)));
                Value wide = b.shr(b.shl(b.zext64(x), b.c64(1)), a);
                result = b.trunc32(b.shr(wide, b.c64(1)));
                if (wantCarry) {
                    carry = b.trunc32(b.and(wide, b.c64(1)));
                }
            }
            case ASR -> {
                Value a = b.zext64(b.select(b.cmpLtu(amount, b.c32(32)), amount, b.c32(32)));
                Value wide = b.sar(b.shl(b.sext64(x), b.c64(1)), a);
                result = b.trunc32(b.sar(wide, b.c64(1)));
                if (wantCarry) {
                    carry = b.trunc32(b.and(wide, b.c64(1)));
                }
            }
            default -> {
                result = b.rotr(x, b.and(amount, b.c32(31)));
                if (wantCarry) {
                    carry = b.shr(result, b.c32(31));
                }
            }
        }
        if (carry != null) {
            carry = b.select(isZero, c.carryFlag(), carry);
        }
        return new Shifted(result, carry);
    }

    /** ARMExpandImm_C (A5.2.4): the value, and whether the carry-out is bit 31 (rotation non-zero). */
    public static long armExpandImm(int imm12) {
        int rot = 2 * (imm12 >>> 8);
        return Integer.rotateRight(imm12 & 0xFF, rot) & 0xFFFF_FFFFL;
    }

    /** The operand and carry-out of an A32 modified immediate. */
    public static Shifted armImm(LiftContext c, int imm12, boolean wantCarry) {
        long v = armExpandImm(imm12);
        Value carry = wantCarry && (imm12 >>> 8) != 0 ? c.c32(v >>> 31) : null;
        return new Shifted(c.c32(v), carry);
    }

    /** ThumbExpandImm_C (A6.3.2), or -1 for an UNPREDICTABLE encoding (a zero rotated byte). */
    public static long thumbExpandImm(int imm12) {
        int imm8 = imm12 & 0xFF;
        if ((imm12 >>> 10) == 0) {
            return switch ((imm12 >>> 8) & 3) {
                case 0 -> imm8;
                case 1 -> imm8 == 0 ? -1 : (long) imm8 << 16 | imm8;
                case 2 -> imm8 == 0 ? -1 : (long) imm8 << 24 | (long) imm8 << 8;
                default -> imm8 == 0 ? -1 : ((long) imm8 << 24 | (long) imm8 << 16 | (long) imm8 << 8 | imm8);
            };
        }
        int unrotated = 0x80 | (imm12 & 0x7F);
        return Integer.rotateRight(unrotated, imm12 >>> 7) & 0xFFFF_FFFFL;
    }

    /** The operand and carry-out of a Thumb modified immediate (carry = bit 31 when rotated). */
    public static Shifted thumbImm(LiftContext c, int imm12, boolean wantCarry) {
        long v = thumbExpandImm(imm12);
        Value carry = wantCarry && (imm12 >>> 10) != 0 ? c.c32(v >>> 31) : null;
        return new Shifted(c.c32(v), carry);
    }
}
