package dev.emu.x86.lift;

import static dev.emu.x86.X86Registers.RAX;
import static dev.emu.x86.X86Registers.RBX;
import static dev.emu.x86.X86Registers.RDX;
import static dev.emu.x86.X86Registers.RSP;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.x86.decode.X86Insn;

/**
 * Data transfer (SDM Vol. 1 7.3.1, Vol. 2 by mnemonic): MOV in all its general-register
 * forms, MOVZX, MOVSX, MOVSXD, LEA, XCHG, BSWAP, CBW/CWDE/CDQE, CWD/CDQ/CQO, PUSH, POP,
 * CMOVcc, SETcc, XLAT.
 */
public final class DataMove {
    private DataMove() {}

    /** MOV r/m, reg (88, 89). */
    public static void MOV_rm_reg(LiftContext c, X86Insn i) {
        c.writeRm(i.opSize, c.readReg(i.opSize));
    }

    /** MOV reg, r/m (8A, 8B). */
    public static void MOV_reg_rm(LiftContext c, X86Insn i) {
        c.writeReg(i.opSize, c.readRm(i.opSize));
    }

    /** MOV r/m, imm (C6 /0, C7 /0: Iz sign-extended to 64). */
    public static void MOV_rm_imm(LiftContext c, X86Insn i) {
        c.writeRm(i.opSize, c.imm(i.opSize));
    }

    /** MOV reg, imm (B0+r Ib, B8+r Iv: the only 64-bit immediate). */
    public static void MOV_reg_imm(LiftContext c, X86Insn i) {
        c.setReg(i.opSize, i.reg, c.imm(i.opSize));
    }

    /** MOV AL/rAX, moffs (A0, A1): an absolute address, FS/GS override allowed. */
    public static void MOV_acc_moffs(LiftContext c, X86Insn i) {
        c.setReg(i.opSize, RAX, c.load(i.opSize, c.segment(c.b.c64(i.imm))));
    }

    /** MOV moffs, AL/rAX (A2, A3). */
    public static void MOV_moffs_acc(LiftContext c, X86Insn i) {
        c.store(c.segment(c.b.c64(i.imm)), c.getReg(i.opSize, RAX), i.opSize);
    }

    /** MOVZX reg, r/m8 (0F B6) / r/m16 (0F B7). */
    public static void MOVZX_b(LiftContext c, X86Insn i) {
        c.writeReg(i.opSize, c.zextTo(i.opSize, c.readRm(8)));
    }

    public static void MOVZX_w(LiftContext c, X86Insn i) {
        c.writeReg(i.opSize, c.zextTo(i.opSize, c.readRm(16)));
    }

    /** MOVSX reg, r/m8 (0F BE) / r/m16 (0F BF). */
    public static void MOVSX_b(LiftContext c, X86Insn i) {
        c.writeReg(i.opSize, c.sext(8, c.readRm(8), i.opSize));
    }

    public static void MOVSX_w(LiftContext c, X86Insn i) {
        c.writeReg(i.opSize, c.sext(16, c.readRm(16), i.opSize));
    }

    /** MOVSXD reg, r/m32 (63): with REX.W sign-extends; without, a plain 32- or 16-bit move. */
    public static void MOVSXD(LiftContext c, X86Insn i) {
        int size = i.opSize;
        if (size == 64) {
            c.writeReg(64, c.b.sext64(c.readRm(32)));
        } else {
            c.writeReg(size, c.readRm(size));
        }
    }

    /** LEA reg, m (8D): the address, truncated to the operand size; no segment base. */
    public static void LEA(LiftContext c, X86Insn i) {
        int seg = i.segment;
        i.segment = X86Insn.SEG_NONE;
        Value a = c.ea();
        i.segment = seg;
        c.writeReg(i.opSize, c.trunc(i.opSize, a));
    }

    /** XCHG r/m, reg (86, 87): with a memory operand always locked (SDM "XCHG"). */
    public static void XCHG_rm_reg(LiftContext c, X86Insn i) {
        int size = i.opSize;
        IrBuilder b = c.b;
        Value r = c.readReg(size);
        if (i.mod == 3) {
            Value m = c.getReg(size, i.rm);
            c.setReg(size, i.rm, r);
            c.setReg(size, i.reg, m);
            return;
        }
        Value addr = c.ea();
        Value old = c.load(size, addr);
        Alu.lockedStore(c, addr, old, r, size);
        c.writeReg(size, old);
    }

    /** XCHG rAX, reg (91+r; 90 with REX.B is XCHG rAX, r8). */
    public static void XCHG_acc_reg(LiftContext c, X86Insn i) {
        int size = i.opSize;
        Value a = c.getReg(size, RAX);
        Value r = c.getReg(size, i.reg);
        c.setReg(size, RAX, r);
        c.setReg(size, i.reg, a);
    }

    /** BSWAP reg (0F C8+r); the 16-bit form is undefined: it clears the low word, as hardware does. */
    public static void BSWAP(LiftContext c, X86Insn i) {
        int size = i.opSize;
        if (size == 16) {
            c.setReg(16, i.reg, c.konst(16, 0));
            return;
        }
        c.setReg(size, i.reg, c.b.bswap(c.getReg(size, i.reg)));
    }

    /** CBW / CWDE / CDQE (98): sign-extends the low half of rAX into the whole operand. */
    public static void CBW(LiftContext c, X86Insn i) {
        int size = i.opSize;
        c.setReg(size, RAX, c.sext(size / 2, c.getReg(size / 2, RAX), size));
    }

    /** CWD / CDQ / CQO (99): rDX = the sign of rAX, repeated. */
    public static void CWD(LiftContext c, X86Insn i) {
        int size = i.opSize;
        Value a = c.getReg(size, RAX);
        Value sign = size == 64 ? c.b.sar(a, c.b.c64(63))
                : c.trunc(size, c.b.sar(c.sext(size, a, 32), c.b.c32(31)));
        c.setReg(size, RDX, sign);
    }

    // ---------------------------------------------------------------- stack
    /** PUSH reg (50+r). */
    public static void PUSH_reg(LiftContext c, X86Insn i) {
        c.push(i.opSize, c.getReg(i.opSize, i.reg));
    }

    /** POP reg (58+r); POP RSP takes the loaded value. */
    public static void POP_reg(LiftContext c, X86Insn i) {
        Value v = c.peek(i.opSize);
        c.popDone(i.opSize);
        c.setReg(i.opSize, i.reg, v);
    }

    /** PUSH imm (68 Iz, 6A Ib sign-extended). */
    public static void PUSH_imm(LiftContext c, X86Insn i) {
        c.push(i.opSize, c.imm(i.opSize));
    }

    /** PUSH r/m (FF /6). */
    public static void PUSH_rm(LiftContext c, X86Insn i) {
        c.push(i.opSize, c.readRm(i.opSize));
    }

    /**
     * POP r/m (8F /0): the memory address is computed after RSP is incremented (SDM "POP":
     * "If the destination operand uses RSP as a base, the value is computed after the
     * increment"); RSP moves only after the store, so a faulting store leaves it alone.
     */
    public static void POP_rm(LiftContext c, X86Insn i) {
        int size = i.opSize;
        IrBuilder b = c.b;
        Value sp = c.rsp();
        Value v = c.load(size, sp);
        Value newSp = b.add(sp, b.c64(size / 8));
        if (i.mod == 3) {
            b.setReg(RSP, newSp);
            c.setReg(size, i.rm, v);
            return;
        }
        // the address with RSP already moved: EA depends on RSP only through base/index
        boolean usesRsp = i.base == RSP || i.index == RSP;
        Value addr;
        if (usesRsp) {
            b.setReg(RSP, newSp);
            addr = c.ea();
            c.store(addr, v, size);
        } else {
            addr = c.ea();
            c.store(addr, v, size);
            b.setReg(RSP, newSp);
        }
    }

    // ---------------------------------------------------------------- conditional moves
    /**
     * CMOVcc reg, r/m (0F 40+cc): the source is read (and may fault) whatever the
     * condition; a 32-bit destination is zero-extended even when the condition is false.
     */
    public static void CMOVcc(LiftContext c, X86Insn i) {
        int size = i.opSize;
        Value src = c.readRm(size);
        Value cond = c.condition(i.opcode & 15);
        c.writeReg(size, c.b.select(cond, src, c.readReg(size)));
    }

    /** SETcc r/m8 (0F 90+cc). */
    public static void SETcc(LiftContext c, X86Insn i) {
        c.writeRm(8, c.condition(i.opcode & 15));
    }

    /** XLAT (D7): AL = [RBX + AL] (EBX with 67), FS/GS override allowed. */
    public static void XLAT(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        Value base = i.addrsize ? b.zext64(b.getReg32(RBX)) : b.getReg64(RBX);
        Value addr = b.add(base, b.zext64(c.getReg(8, RAX)));
        if (i.addrsize) {
            addr = b.zext64(b.trunc32(addr));
        }
        c.setReg(8, RAX, c.load(8, c.segment(addr)));
    }
}
