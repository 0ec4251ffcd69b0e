package dev.emu.arm64.lift;

import static dev.emu.arm64.Arm64Registers.C;

import dev.emu.arm64.Arm64Helpers;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/** Data processing -- register (one of the C4.1 encoding groups). */
public final class DataProcessingReg {
    private DataProcessingReg() {}

    private static final Helper RBIT32 = Helper.of(Arm64Helpers.class, "rbit32");
    private static final Helper RBIT64 = Helper.of(Arm64Helpers.class, "rbit64");
    private static final Helper CRC32 = Helper.of(Arm64Helpers.class, "crc32");
    private static final Helper CRC32C = Helper.of(Arm64Helpers.class, "crc32c");

    /** Rm shifted per the shift field and imm6, or null (and an illegal trap) if reserved. */
    private static Value shiftedOperand(LiftContext c, Fields f, boolean rorAllowed) {
        int sf = f.get('z');
        int type = f.get('h');
        int amount = f.get('i');
        if ((type == 3 && !rorAllowed) || (sf == 0 && amount >= 32)) {
            c.illegal();
            return null;
        }
        return c.shift(c.reg(sf, f.get('m')), type, amount);
    }

    // ---- Logical (shifted register)
    private enum Logic { AND, ORR, EOR, ANDS }

    private static void logical(LiftContext c, Fields f, Logic op, boolean invert) {
        Value m = shiftedOperand(c, f, true);
        if (m == null) {
            return;
        }
        IrBuilder b = c.b;
        if (invert) {
            m = b.not(m);
        }
        Value n = c.reg(f.get('z'), f.get('n'));
        Value r = switch (op) {
            case AND, ANDS -> b.and(n, m);
            case ORR -> b.or(n, m);
            case EOR -> b.xor(n, m);
        };
        if (op == Logic.ANDS) {
            c.setNZFromLogical(r);
        }
        c.setReg(f.get('d'), r);
    }

    public static void AND_shift(LiftContext c, Fields f) { logical(c, f, Logic.AND, false); }
    public static void BIC_shift(LiftContext c, Fields f) { logical(c, f, Logic.AND, true); }
    public static void ORR_shift(LiftContext c, Fields f) { logical(c, f, Logic.ORR, false); }
    public static void ORN_shift(LiftContext c, Fields f) { logical(c, f, Logic.ORR, true); }
    public static void EOR_shift(LiftContext c, Fields f) { logical(c, f, Logic.EOR, false); }
    public static void EON_shift(LiftContext c, Fields f) { logical(c, f, Logic.EOR, true); }
    public static void ANDS_shift(LiftContext c, Fields f) { logical(c, f, Logic.ANDS, false); }
    public static void BICS_shift(LiftContext c, Fields f) { logical(c, f, Logic.ANDS, true); }

    // ---- Add/subtract (shifted register)
    private static void addSubShifted(LiftContext c, Fields f, boolean sub, boolean setFlags) {
        Value m = shiftedOperand(c, f, false);
        if (m == null) {
            return;
        }
        Value n = c.reg(f.get('z'), f.get('n'));
        c.setReg(f.get('d'), sub ? c.subFlags(n, m, setFlags) : c.addFlags(n, m, setFlags));
    }

    public static void ADD_shift(LiftContext c, Fields f) { addSubShifted(c, f, false, false); }
    public static void ADDS_shift(LiftContext c, Fields f) { addSubShifted(c, f, false, true); }
    public static void SUB_shift(LiftContext c, Fields f) { addSubShifted(c, f, true, false); }
    public static void SUBS_shift(LiftContext c, Fields f) { addSubShifted(c, f, true, true); }

    // ---- Add/subtract (extended register)
    private static void addSubExtended(LiftContext c, Fields f, boolean sub, boolean setFlags) {
        int sf = f.get('z');
        int shift = f.get('i');
        if (shift > 4) {
            c.illegal();
            return;
        }
        Value m = c.extend(c.reg(sf, f.get('m')), f.get('o'), shift);
        Value n = c.regSp(sf, f.get('n'));
        Value r = sub ? c.subFlags(n, m, setFlags) : c.addFlags(n, m, setFlags);
        if (setFlags) {
            c.setReg(f.get('d'), r);
        } else {
            c.setRegSp(f.get('d'), r);
        }
    }

    public static void ADD_ext(LiftContext c, Fields f) { addSubExtended(c, f, false, false); }
    public static void ADDS_ext(LiftContext c, Fields f) { addSubExtended(c, f, false, true); }
    public static void SUB_ext(LiftContext c, Fields f) { addSubExtended(c, f, true, false); }
    public static void SUBS_ext(LiftContext c, Fields f) { addSubExtended(c, f, true, true); }

    // ---- Add/subtract (with carry)
    private static void addSubCarry(LiftContext c, Fields f, boolean sub, boolean setFlags) {
        int sf = f.get('z');
        Value m = c.reg(sf, f.get('m'));
        if (sub) {
            m = c.b.not(m);
        }
        Value carry = c.b.getReg32(C);
        c.setReg(f.get('d'), c.addWithCarry(c.reg(sf, f.get('n')), m, carry, 0, setFlags));
    }

    public static void ADC(LiftContext c, Fields f) { addSubCarry(c, f, false, false); }
    public static void ADCS(LiftContext c, Fields f) { addSubCarry(c, f, false, true); }
    public static void SBC(LiftContext c, Fields f) { addSubCarry(c, f, true, false); }
    public static void SBCS(LiftContext c, Fields f) { addSubCarry(c, f, true, true); }

    // ---- Conditional compare (register and immediate)
    private static void condCompare(LiftContext c, Fields f, boolean negate, boolean immediate) {
        int sf = f.get('z');
        IrBuilder b = c.b;
        Value cond = c.condition(f.get('c'));
        Value n = c.reg(sf, f.get('n'));
        Value m = immediate ? c.imm(sf, f.get('i')) : c.reg(sf, f.get('m'));
        // CCMP compares n with m (n + NOT(m) + 1); CCMN adds them
        Value[] r = negate ? c.addWithCarryAndFlags(n, m, null, 0) : c.addWithCarryAndFlags(n, b.not(m), null, 1);
        int nzcv = f.get('f');
        c.setNZCV(b.select(cond, r[1], b.c32(nzcv >> 3 & 1)), b.select(cond, r[2], b.c32(nzcv >> 2 & 1)),
                b.select(cond, r[3], b.c32(nzcv >> 1 & 1)), b.select(cond, r[4], b.c32(nzcv & 1)));
    }

    public static void CCMN_reg(LiftContext c, Fields f) { condCompare(c, f, true, false); }
    public static void CCMN_imm(LiftContext c, Fields f) { condCompare(c, f, true, true); }
    public static void CCMP_reg(LiftContext c, Fields f) { condCompare(c, f, false, false); }
    public static void CCMP_imm(LiftContext c, Fields f) { condCompare(c, f, false, true); }

    // ---- Conditional select
    private enum Else { M, INC, INV, NEG }

    private static void condSelect(LiftContext c, Fields f, Else op) {
        int sf = f.get('z');
        IrBuilder b = c.b;
        Value cond = c.condition(f.get('c'));
        Value m = c.reg(sf, f.get('m'));
        Value otherwise = switch (op) {
            case M -> m;
            case INC -> b.add(m, c.imm(sf, 1));
            case INV -> b.not(m);
            case NEG -> b.neg(m);
        };
        c.setReg(f.get('d'), b.select(cond, c.reg(sf, f.get('n')), otherwise));
    }

    public static void CSEL(LiftContext c, Fields f) { condSelect(c, f, Else.M); }
    public static void CSINC(LiftContext c, Fields f) { condSelect(c, f, Else.INC); }
    public static void CSINV(LiftContext c, Fields f) { condSelect(c, f, Else.INV); }
    public static void CSNEG(LiftContext c, Fields f) { condSelect(c, f, Else.NEG); }

    // ---- Data-processing (2 source)
    private interface Binary {
        Value apply(IrBuilder b, Value n, Value m);
    }

    private static void twoSource(LiftContext c, Fields f, Binary op) {
        int sf = f.get('z');
        c.setReg(f.get('d'), op.apply(c.b, c.reg(sf, f.get('n')), c.reg(sf, f.get('m'))));
    }

    public static void UDIV(LiftContext c, Fields f) { twoSource(c, f, IrBuilder::divu); }
    public static void SDIV(LiftContext c, Fields f) { twoSource(c, f, IrBuilder::divs); }
    // the IR takes shift amounts modulo the width, as LSLV etc. do
    public static void LSLV(LiftContext c, Fields f) { twoSource(c, f, IrBuilder::shl); }
    public static void LSRV(LiftContext c, Fields f) { twoSource(c, f, IrBuilder::shr); }
    public static void ASRV(LiftContext c, Fields f) { twoSource(c, f, IrBuilder::sar); }
    public static void RORV(LiftContext c, Fields f) { twoSource(c, f, IrBuilder::rotr); }

    private static void crc(LiftContext c, Fields f, Helper h) {
        int sf = f.get('z');
        int sz = f.get('s');
        if ((sf == 1) != (sz == 3)) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        Value r = b.call(h, c.reg(0, f.get('n')), c.x(f.get('m')), b.c32(1 << sz));
        c.setReg(f.get('d'), r);
    }

    /** CRC32B, CRC32H, CRC32W, CRC32X. */
    public static void CRC32(LiftContext c, Fields f) { crc(c, f, CRC32); }
    /** CRC32CB, CRC32CH, CRC32CW, CRC32CX. */
    public static void CRC32C(LiftContext c, Fields f) { crc(c, f, CRC32C); }

    // ---- Data-processing (1 source)
    public static void RBIT(LiftContext c, Fields f) {
        int sf = f.get('z');
        c.setReg(f.get('d'), c.b.call(sf != 0 ? RBIT64 : RBIT32, c.reg(sf, f.get('n'))));
    }

    public static void REV16(LiftContext c, Fields f) {
        int sf = f.get('z');
        IrBuilder b = c.b;
        Value n = c.reg(sf, f.get('n'));
        long lowBytes = 0x00FF_00FF_00FF_00FFL;
        Value hi = b.and(b.shr(n, c.imm(sf, 8)), c.imm(sf, lowBytes));
        Value lo = b.shl(b.and(n, c.imm(sf, lowBytes)), c.imm(sf, 8));
        c.setReg(f.get('d'), b.or(hi, lo));
    }

    public static void REV32(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        c.setReg(f.get('d'), b.rotr(b.bswap(c.x(f.get('n'))), b.c64(32)));
    }

    /** REV: z is sf:opc<0>, 00 (32-bit) or 11 (64-bit); 10 is REV32, listed first. */
    public static void REV(LiftContext c, Fields f) {
        int z = f.get('z');
        if (z == 1) {
            c.illegal();
            return;
        }
        int sf = z >> 1;
        c.setReg(f.get('d'), c.b.bswap(c.reg(sf, f.get('n'))));
    }

    public static void CLZ(LiftContext c, Fields f) {
        int sf = f.get('z');
        c.setReg(f.get('d'), c.b.clz(c.reg(sf, f.get('n'))));
    }

    public static void CLS(LiftContext c, Fields f) {
        int sf = f.get('z');
        IrBuilder b = c.b;
        Value n = c.reg(sf, f.get('n'));
        // bits equal to their left neighbour become 0; the top bit of the xor is always 0
        Value diff = b.xor(n, b.sar(n, c.imm(sf, 1)));
        c.setReg(f.get('d'), b.sub(b.clz(diff), c.imm(sf, 1)));
    }

    // ---- Data-processing (3 source)
    private static void multiplyAdd(LiftContext c, Fields f, boolean sub) {
        int sf = f.get('z');
        IrBuilder b = c.b;
        Value p = b.mul(c.reg(sf, f.get('n')), c.reg(sf, f.get('m')));
        Value a = c.reg(sf, f.get('a'));
        c.setReg(f.get('d'), sub ? b.sub(a, p) : b.add(a, p));
    }

    public static void MADD(LiftContext c, Fields f) { multiplyAdd(c, f, false); }
    public static void MSUB(LiftContext c, Fields f) { multiplyAdd(c, f, true); }

    private static void multiplyAddLong(LiftContext c, Fields f, boolean signed, boolean sub) {
        IrBuilder b = c.b;
        Value n = c.reg(0, f.get('n'));
        Value m = c.reg(0, f.get('m'));
        Value p = signed ? b.mul(b.sext64(n), b.sext64(m)) : b.mul(b.zext64(n), b.zext64(m));
        Value a = c.x(f.get('a'));
        c.setReg(f.get('d'), sub ? b.sub(a, p) : b.add(a, p));
    }

    public static void SMADDL(LiftContext c, Fields f) { multiplyAddLong(c, f, true, false); }
    public static void SMSUBL(LiftContext c, Fields f) { multiplyAddLong(c, f, true, true); }
    public static void UMADDL(LiftContext c, Fields f) { multiplyAddLong(c, f, false, false); }
    public static void UMSUBL(LiftContext c, Fields f) { multiplyAddLong(c, f, false, true); }

    public static void SMULH(LiftContext c, Fields f) {
        c.setReg(f.get('d'), c.b.mulhs(c.x(f.get('n')), c.x(f.get('m'))));
    }

    public static void UMULH(LiftContext c, Fields f) {
        c.setReg(f.get('d'), c.b.mulhu(c.x(f.get('n')), c.x(f.get('m'))));
    }

}
