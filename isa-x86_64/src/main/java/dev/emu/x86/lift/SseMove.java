package dev.emu.x86.lift;

import static dev.emu.x86.lift.SseOperands.hi;
import static dev.emu.x86.lift.SseOperands.lo;
import static dev.emu.x86.lift.SseOperands.rm128;
import static dev.emu.x86.lift.SseOperands.set;
import static dev.emu.x86.lift.SseOperands.setHi;
import static dev.emu.x86.lift.SseOperands.setLo;
import static dev.emu.x86.lift.SseOperands.store128;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.x86.X86Registers;
import dev.emu.x86.decode.X86Insn;
import dev.emu.x86.sse.SseHelpers;

/**
 * SSE/SSE2 data movement (SDM Vol. 1 10.4.1, 11.4.1; Vol. 2 by mnemonic): MOVAPS MOVUPS
 * MOVAPD MOVUPD MOVDQA MOVDQU LDDQU, MOVSS MOVSD, MOVLPS MOVHPS MOVLPD MOVHPD MOVHLPS MOVLHPS,
 * MOVD/MOVQ, MOVNTPS MOVNTPD MOVNTDQ MOVNTI, MASKMOVDQU, PMOVMSKB MOVMSKPS MOVMSKPD, PINSRW
 * PEXTRW. All in IR but the masked store and MOVMSKPS (PMOVMSKB: {@link SseSwar}).
 */
public final class SseMove {
    private SseMove() {}

    static final Helper SINGLE_SIGNS = Helper.of(SseHelpers.class, "singleSignMask");
    static final Helper MASKED_STORE = Helper.of(SseHelpers.class, "maskedStore");

    /** MOVAPS MOVAPD MOVDQA xmm, xmm/m128 (0F 28, 66 0F 28, 66 0F 6F). */
    public static void MOVA_load(LiftContext c, X86Insn i) {
        Value[] v = rm128(c, i, true);
        set(c, i.reg, v[0], v[1]);
    }

    /** MOVUPS MOVUPD MOVDQU LDDQU xmm, xmm/m128 (0F 10, 66 0F 10, F3 0F 6F, F2 0F F0). */
    public static void MOVU_load(LiftContext c, X86Insn i) {
        Value[] v = rm128(c, i, false);
        set(c, i.reg, v[0], v[1]);
    }

    /** MOVAPS MOVAPD MOVDQA xmm/m128, xmm (0F 29, 66 0F 29, 66 0F 7F); MOVNTPS/PD/DQ (memory only). */
    public static void MOVA_store(LiftContext c, X86Insn i) {
        move128(c, i, true);
    }

    /** MOVUPS MOVUPD MOVDQU xmm/m128, xmm (0F 11, 66 0F 11, F3 0F 7F). */
    public static void MOVU_store(LiftContext c, X86Insn i) {
        move128(c, i, false);
    }

    private static void move128(LiftContext c, X86Insn i, boolean aligned) {
        if (i.mod == 3) {
            set(c, i.rm, lo(c, i.reg), hi(c, i.reg));
        } else {
            store128(c, lo(c, i.reg), hi(c, i.reg), aligned);
        }
    }

    /** MOVSS xmm, xmm/m32 (F3 0F 10): a register merges the low single; memory zeroes the rest. */
    public static void MOVSS_load(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        if (i.mod == 3) {
            Value keep = b.and(lo(c, i.reg), b.c64(0xFFFF_FFFF_0000_0000L));
            setLo(c, i.reg, b.or(keep, b.and(lo(c, i.rm), b.c64(0xFFFF_FFFFL))));
        } else {
            set(c, i.reg, b.zext64(c.load(32, c.ea())), b.c64(0));
        }
    }

    /** MOVSS xmm/m32, xmm (F3 0F 11). */
    public static void MOVSS_store(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        if (i.mod == 3) {
            Value keep = b.and(lo(c, i.rm), b.c64(0xFFFF_FFFF_0000_0000L));
            setLo(c, i.rm, b.or(keep, b.and(lo(c, i.reg), b.c64(0xFFFF_FFFFL))));
        } else {
            c.store(c.ea(), b.trunc32(lo(c, i.reg)), 32);
        }
    }

    /** MOVSD xmm, xmm/m64 (F2 0F 10). */
    public static void MOVSD_load(LiftContext c, X86Insn i) {
        if (i.mod == 3) {
            setLo(c, i.reg, lo(c, i.rm));
        } else {
            set(c, i.reg, c.load(64, c.ea()), c.b.c64(0));
        }
    }

    /** MOVSD xmm/m64, xmm (F2 0F 11). */
    public static void MOVSD_store(LiftContext c, X86Insn i) {
        if (i.mod == 3) {
            setLo(c, i.rm, lo(c, i.reg));
        } else {
            c.store(c.ea(), lo(c, i.reg), 64);
        }
    }

    /** MOVDDUP xmm, xmm/m64 (F2 0F 12, SSE3): the low double in both halves. */
    public static void MOVDDUP(LiftContext c, X86Insn i) {
        Value v = SseOperands.rm64(c, i);
        set(c, i.reg, v, v);
    }

    /** MOVLPS MOVLPD xmm, m64 (0F 12, 66 0F 12, memory): the low half only. */
    public static void MOVLPS_load(LiftContext c, X86Insn i) {
        setLo(c, i.reg, c.load(64, c.ea()));
    }

    /** MOVHLPS xmm, xmm (0F 12, register): the source's high half to the low half. */
    public static void MOVHLPS(LiftContext c, X86Insn i) {
        setLo(c, i.reg, hi(c, i.rm));
    }

    /** MOVLPS MOVLPD m64, xmm (0F 13, 66 0F 13); MOVQ m64, xmm (66 0F D6) shares the store. */
    public static void MOVLPS_store(LiftContext c, X86Insn i) {
        c.store(c.ea(), lo(c, i.reg), 64);
    }

    /** MOVHPS MOVHPD xmm, m64 (0F 16, 66 0F 16, memory). */
    public static void MOVHPS_load(LiftContext c, X86Insn i) {
        setHi(c, i.reg, c.load(64, c.ea()));
    }

    /** MOVLHPS xmm, xmm (0F 16, register). */
    public static void MOVLHPS(LiftContext c, X86Insn i) {
        setHi(c, i.reg, lo(c, i.rm));
    }

    /** MOVHPS MOVHPD m64, xmm (0F 17, 66 0F 17). */
    public static void MOVHPS_store(LiftContext c, X86Insn i) {
        c.store(c.ea(), hi(c, i.reg), 64);
    }

    /** MOVD/MOVQ xmm, r/m32 or r/m64 (66 0F 6E): zero-extended into the whole register. */
    public static void MOVD_to_xmm(LiftContext c, X86Insn i) {
        int size = i.rexW() ? 64 : 32;
        set(c, i.reg, c.b.zext64(c.readRm(size)), c.b.c64(0));
    }

    /** MOVD/MOVQ r/m32 or r/m64, xmm (66 0F 7E). */
    public static void MOVD_from_xmm(LiftContext c, X86Insn i) {
        int size = i.rexW() ? 64 : 32;
        Value v = lo(c, i.reg);
        c.writeRm(size, size == 64 ? v : c.b.trunc32(v));
    }

    /** MOVQ xmm, xmm/m64 (F3 0F 7E): the low quadword, high half zeroed. */
    public static void MOVQ_load(LiftContext c, X86Insn i) {
        set(c, i.reg, SseOperands.rm64(c, i), c.b.c64(0));
    }

    /** MOVQ xmm/m64, xmm (66 0F D6): a register destination gets its high half zeroed. */
    public static void MOVQ_store(LiftContext c, X86Insn i) {
        if (i.mod == 3) {
            set(c, i.rm, lo(c, i.reg), c.b.c64(0));
        } else {
            c.store(c.ea(), lo(c, i.reg), 64);
        }
    }

    /** MOVNTI m32/m64, r32/r64 (0F C3): a plain store (the non-temporal hint has no effect here). */
    public static void MOVNTI(LiftContext c, X86Insn i) {
        c.store(c.ea(), c.readReg(i.opSize == 64 ? 64 : 32), i.opSize == 64 ? 64 : 32);
    }

    /** MASKMOVDQU xmm1, xmm2 (66 0F F7): the bytes of xmm1 selected by xmm2's byte signs, to [RDI]. */
    public static void MASKMOVDQU(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        Value addr = b.getReg64(X86Registers.RDI);
        if (i.addrsize) {
            addr = b.zext64(b.trunc32(addr));
        }
        addr = c.segment(addr);
        b.call(MASKED_STORE, addr, lo(c, i.reg), hi(c, i.reg), lo(c, i.rm), hi(c, i.rm));
    }

    /** MOVMSKPS r32, xmm (0F 50). */
    public static void MOVMSKPS(LiftContext c, X86Insn i) {
        c.setReg(32, i.reg, c.b.call(SINGLE_SIGNS, lo(c, i.rm), hi(c, i.rm)));
    }

    /** MOVMSKPD r32, xmm (66 0F 50): the two double sign bits. */
    public static void MOVMSKPD(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        Value l = b.trunc32(b.shr(lo(c, i.rm), b.c64(63)));
        Value h = b.trunc32(b.shr(hi(c, i.rm), b.c64(62)));
        c.setReg(32, i.reg, b.or(l, b.and(h, b.c32(2))));
    }

    /** PINSRW xmm, r32/m16, imm8 (66 0F C4): word imm & 7 of xmm. */
    public static void PINSRW(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int k = (int) (i.imm & 7);
        Value w = b.zext64(i.mod == 3 ? b.and(c.getReg(32, i.rm), b.c32(0xFFFF)) : c.load(16, c.ea()));
        int shift = 16 * (k & 3);
        Value half = k < 4 ? lo(c, i.reg) : hi(c, i.reg);
        Value merged = b.or(b.and(half, b.c64(~(0xFFFFL << shift))), b.shl(w, b.c64(shift)));
        if (k < 4) {
            setLo(c, i.reg, merged);
        } else {
            setHi(c, i.reg, merged);
        }
    }

    /** PEXTRW r32/r64, xmm, imm8 (66 0F C5): word imm & 7, zero-extended. */
    public static void PEXTRW(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        int k = (int) (i.imm & 7);
        Value half = k < 4 ? lo(c, i.rm) : hi(c, i.rm);
        Value w = b.and(b.trunc32(b.shr(half, b.c64(16 * (k & 3)))), b.c32(0xFFFF));
        c.setReg(32, i.reg, w);
    }
}
