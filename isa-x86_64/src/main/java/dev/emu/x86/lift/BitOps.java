package dev.emu.x86.lift;


import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.x86.X86Registers;
import dev.emu.x86.decode.X86Insn;

/**
 * Bit test and scan (SDM Vol. 2): BT, BTS, BTR, BTC (0F A3/AB/B3/BB with a register bit
 * offset, 0F BA /4../7 with an immediate), BSF, BSR, and TZCNT, LZCNT, POPCNT (the F3
 * forms of 0F BC, BD, B8).
 *
 * <p>Flags: BT* set CF to the selected bit; ZF is unchanged, OF SF AF PF are undefined and
 * cleared here. BSF/BSR set ZF (source zero); CF OF SF AF PF undefined, cleared. A zero
 * source leaves the destination unchanged, all 64 bits (AMD documents it; the AMD EPYC host
 * the campaigns run on does it; Intel documents the destination as undefined). TZCNT/LZCNT
 * set CF (source zero) and ZF (result zero); OF SF AF PF undefined, cleared. POPCNT clears
 * OF SF AF CF PF and sets ZF (source zero). (Undefined flags are cleared rather than kept so
 * that these need not materialise lazy flags; the differential campaigns mask them.)
 */
public final class BitOps {
    private BitOps() {}

    /** 0 BT, 1 BTS, 2 BTR, 3 BTC. */
    private static int kindOf(X86Insn i) {
        if (i.opcode == 0xBA) {
            return i.regOp() - 4;
        }
        return switch (i.opcode) {
            case 0xA3 -> 0;
            case 0xAB -> 1;
            case 0xB3 -> 2;
            default -> 3;
        };
    }

    /** BT/BTS/BTR/BTC r/m, reg: a register offset reaches any bit of memory around the operand. */
    public static void BT_reg(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int size = i.opSize;
        Value off = c.readReg(size);
        if (i.mod == 3) {
            testAndModify(c, i, null, b.and(b.trunc32(off), b.c32(size - 1)));
            return;
        }
        // address += (signed offset >> log2(size)) * size/8
        Value soff = c.sext(size, off, 64);
        Value words = b.sar(soff, b.c64(Integer.numberOfTrailingZeros(size)));
        Value addr = b.add(c.ea(), b.shl(words, b.c64(Integer.numberOfTrailingZeros(size / 8))));
        testAndModify(c, i, addr, b.and(b.trunc32(off), b.c32(size - 1)));
    }

    /** Group 8 (0F BA /4../7): BT/BTS/BTR/BTC r/m, imm8. */
    public static void BT_imm(LiftContext c, X86Insn i) {
        Value bit = c.b.c32(i.imm & (i.opSize - 1));
        testAndModify(c, i, i.mod == 3 ? null : c.ea(), bit);
    }

    private static void testAndModify(LiftContext c, X86Insn i, Value addr, Value bitNo) {
        IrBuilder b = c.b;
        int size = i.opSize;
        int kind = kindOf(i);
        Value a = addr == null ? c.getReg(size, i.rm) : c.load(size, addr);
        Value one = c.konst(size, 1);
        Value sel = size == 64 ? b.shl(one, b.zext64(bitNo)) : b.shl(one, bitNo);
        Value zero = c.konst(size, 0);
        Value cf = b.cmpNe(b.and(a, sel), zero);
        if (kind != 0) {
            Value r = switch (kind) {
                case 1 -> b.or(a, sel);
                case 2 -> b.and(a, b.not(sel));
                default -> b.xor(a, sel);
            };
            r = c.trunc(size, r);
            if (addr == null) {
                c.setReg(size, i.rm, r);
            } else if (i.lock) {
                Alu.lockedStore(c, addr, a, r, size);
            } else {
                c.store(addr, r, size);
            }
        }
        // ZF is kept; OF SF AF PF are undefined (cleared here), so the flags of an earlier
        // block need no materialising: BT; JB is how C tests a bit field
        Flags.setPacked(c, b.or(cf, Flags.at(c, Flags.read(c, X86Registers.ZF_BIT), X86Registers.ZF_BIT)));
    }

    /** BSF (0F BC; also 66 / F2) and BSR (0F BD). */
    public static void BSF(LiftContext c, X86Insn i) {
        scan(c, i, true);
    }

    public static void BSR(LiftContext c, X86Insn i) {
        scan(c, i, false);
    }

    private static void scan(LiftContext c, X86Insn i, boolean forward) {
        IrBuilder b = c.b;
        int size = i.opSize;
        Value src = c.readRm(size);
        Value isZero = b.cmpEq(src, c.konst(size, 0));
        Value idx;
        if (forward) {
            idx = b.ctz(src);
        } else {
            Value lz = b.clz(src); // of the I32 or I64 holding it
            int width = size == 64 ? 64 : 32;
            idx = b.sub(c.konst(size == 64 ? 64 : 32, width - 1), lz);
        }
        idx = c.zextTo(size, idx);
        if (size == 16) {
            c.writeReg(16, b.select(isZero, c.readReg(16), idx));
        } else {
            // a zero source leaves all 64 bits of the destination, as the host CPU does
            // (qemu 7.2 zero-extends a 32-bit destination there: the campaign against it skips the case)
            b.setReg(i.reg, b.select(isZero, b.getReg64(i.reg), b.zext64(idx)));
        }
        Flags.setPacked(c, Flags.at(c, isZero, X86Registers.ZF_BIT)); // CF OF SF AF PF undefined: cleared
    }

    /** TZCNT (F3 0F BC). */
    public static void TZCNT(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int size = i.opSize;
        Value src = c.readRm(size);
        Value r = size == 16 ? b.ctz(b.or(src, b.c32(0x10000))) : b.ctz(src);
        countResult(c, i, src, r);
    }

    /** LZCNT (F3 0F BD). */
    public static void LZCNT(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int size = i.opSize;
        Value src = c.readRm(size);
        Value r = size == 16 ? b.sub(b.clz(src), b.c32(16)) : b.clz(src);
        countResult(c, i, src, r);
    }

    private static void countResult(LiftContext c, X86Insn i, Value src, Value r) {
        IrBuilder b = c.b;
        int size = i.opSize;
        c.writeReg(size, r);
        // OF SF AF PF undefined: cleared
        Flags.setPacked(c, b.or(b.cmpEq(src, c.konst(size, 0)), Flags.at(c, b.cmpEq(r, c.konst(size, 0)), X86Registers.ZF_BIT)));
    }

    /** POPCNT (F3 0F B8). */
    public static void POPCNT(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int size = i.opSize;
        Value src = c.readRm(size);
        c.writeReg(size, b.popcnt(src));
        Flags.setPacked(c, Flags.at(c, b.cmpEq(src, c.konst(size, 0)), X86Registers.ZF_BIT));
    }

}
