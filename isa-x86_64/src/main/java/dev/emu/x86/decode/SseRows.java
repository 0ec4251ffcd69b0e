package dev.emu.x86.decode;

import static dev.emu.x86.decode.OpcodeEntry.MODRM;
import static dev.emu.x86.decode.OpcodeEntry.byMod;
import static dev.emu.x86.decode.OpcodeEntry.byPrefix;
import static dev.emu.x86.decode.OpcodeEntry.group;
import static dev.emu.x86.decode.OpcodeEntry.insn;
import static dev.emu.x86.decode.X86Handlers.of;
import static dev.emu.x86.sse.SseHelpers.PD;
import static dev.emu.x86.sse.SseHelpers.PS;
import static dev.emu.x86.sse.SseHelpers.SD;
import static dev.emu.x86.sse.SseHelpers.SS;

import dev.emu.x86.decode.OpcodeEntry.Imm;
import dev.emu.x86.lift.Handler;
import dev.emu.x86.lift.SseArith;
import dev.emu.x86.lift.SseInteger;
import dev.emu.x86.lift.SseSwar;
import dev.emu.x86.sse.PackedInt;
import dev.emu.x86.sse.SseHelpers.Cvt;
import dev.emu.x86.sse.SseHelpers.FpOp;

import java.util.function.BiConsumer;

/**
 * The SSE, SSE2 and SSE3 cells of the 0F map (SDM Vol. 2 Table A-3), by mandatory prefix: the
 * columns none, 66, F3, F2 of each row. A null cell is undefined (or MMX, whose registers
 * this core does not have): it decodes as illegal. Cells that exist only as a register or
 * only as a memory form are split with {@code byMod}.
 */
final class SseRows {
    private SseRows() {}

    static OpcodeEntry x(String name, Handler h) {
        return insn(name, 0, Imm.NONE, h);
    }

    static OpcodeEntry xIb(String name, Handler h) {
        return insn(name, 0, Imm.B, h);
    }

    private static OpcodeEntry mem(String name, Handler h) {
        return byMod(name, null, x(name, h));
    }

    private static OpcodeEntry reg(String name, Handler h) {
        return byMod(name, x(name, h), null);
    }

    private static OpcodeEntry regIb(String name, Handler h) {
        return byMod(name, xIb(name, h), null);
    }

    static OpcodeEntry row(String name, OpcodeEntry none, OpcodeEntry p66, OpcodeEntry pF3, OpcodeEntry pF2) {
        return byPrefix(name, MODRM, none, p66, pF3, pF2);
    }

    /** The four-shape FP arithmetic rows: op PS, op PD, op SS, op SD. */
    private static OpcodeEntry fp(String name, FpOp op) {
        return row(name, x(name + "PS", SseArith.arith(op, PS)), x(name + "PD", SseArith.arith(op, PD)),
                x(name + "SS", SseArith.arith(op, SS)), x(name + "SD", SseArith.arith(op, SD)));
    }

    /** A 66-only integer row (the unprefixed cell is MMX). */
    static OpcodeEntry p66(PackedInt op) {
        return row(op.name(), null, x(op.name(), SseInteger.binary(op)), null, null);
    }

    static void add(BiConsumer<Integer, OpcodeEntry> op) {
        // ---- moves
        op.accept(0x10, row("MOVUPS_load", x("MOVUPS", of("SseMove::MOVU_load")), x("MOVUPD", of("SseMove::MOVU_load")),
                x("MOVSS", of("SseMove::MOVSS_load")), x("MOVSD", of("SseMove::MOVSD_load"))));
        op.accept(0x11, row("MOVUPS_store", x("MOVUPS", of("SseMove::MOVU_store")), x("MOVUPD", of("SseMove::MOVU_store")),
                x("MOVSS", of("SseMove::MOVSS_store")), x("MOVSD", of("SseMove::MOVSD_store"))));
        op.accept(0x12, row("MOVLPS_load", byMod("MOVLPS", x("MOVHLPS", of("SseMove::MOVHLPS")),
                x("MOVLPS", of("SseMove::MOVLPS_load"))), mem("MOVLPD", of("SseMove::MOVLPS_load")),
                x("MOVSLDUP", SseInteger.binary(PackedInt.MOVSLDUP)), x("MOVDDUP", of("SseMove::MOVDDUP"))));
        op.accept(0x13, row("MOVLPS_store", mem("MOVLPS", of("SseMove::MOVLPS_store")), mem("MOVLPD", of("SseMove::MOVLPS_store")),
                null, null));
        op.accept(0x14, row("UNPCKLPS", x("UNPCKLPS", SseInteger.binary(PackedInt.PUNPCKLDQ)),
                x("UNPCKLPD", SseInteger.binary(PackedInt.PUNPCKLQDQ)), null, null));
        op.accept(0x15, row("UNPCKHPS", x("UNPCKHPS", SseInteger.binary(PackedInt.PUNPCKHDQ)),
                x("UNPCKHPD", SseInteger.binary(PackedInt.PUNPCKHQDQ)), null, null));
        op.accept(0x16, row("MOVHPS_load", byMod("MOVHPS", x("MOVLHPS", of("SseMove::MOVLHPS")),
                x("MOVHPS", of("SseMove::MOVHPS_load"))), mem("MOVHPD", of("SseMove::MOVHPS_load")),
                x("MOVSHDUP", SseInteger.binary(PackedInt.MOVSHDUP)), null));
        op.accept(0x17, row("MOVHPS_store", mem("MOVHPS", of("SseMove::MOVHPS_store")), mem("MOVHPD", of("SseMove::MOVHPS_store")),
                null, null));
        op.accept(0x28, row("MOVAPS_load", x("MOVAPS", of("SseMove::MOVA_load")), x("MOVAPD", of("SseMove::MOVA_load")), null, null));
        op.accept(0x29, row("MOVAPS_store", x("MOVAPS", of("SseMove::MOVA_store")), x("MOVAPD", of("SseMove::MOVA_store")),
                null, null));
        op.accept(0x2B, row("MOVNTPS", mem("MOVNTPS", of("SseMove::MOVA_store")), mem("MOVNTPD", of("SseMove::MOVA_store")),
                null, null));
        op.accept(0x50, row("MOVMSKPS", reg("MOVMSKPS", of("SseMove::MOVMSKPS")), reg("MOVMSKPD", of("SseMove::MOVMSKPD")),
                null, null));
        op.accept(0x6E, row("MOVD_to_xmm", null, x("MOVD", of("SseMove::MOVD_to_xmm")), null, null));
        op.accept(0x6F, row("MOVDQA_load", null, x("MOVDQA", of("SseMove::MOVA_load")), x("MOVDQU", of("SseMove::MOVU_load")),
                null));
        op.accept(0x7E, row("MOVD_from_xmm", null, x("MOVD", of("SseMove::MOVD_from_xmm")), x("MOVQ", of("SseMove::MOVQ_load")),
                null));
        op.accept(0x7F, row("MOVDQA_store", null, x("MOVDQA", of("SseMove::MOVA_store")), x("MOVDQU", of("SseMove::MOVU_store")),
                null));
        op.accept(0xC3, row("MOVNTI", mem("MOVNTI", of("SseMove::MOVNTI")), null, null, null));
        op.accept(0xC4, row("PINSRW", null, xIb("PINSRW", of("SseMove::PINSRW")), null, null));
        op.accept(0xC5, row("PEXTRW", null, regIb("PEXTRW", of("SseMove::PEXTRW")), null, null));
        op.accept(0xC6, row("SHUFPS", xIb("SHUFPS", SseInteger.binary(PackedInt.SHUFPS)),
                xIb("SHUFPD", SseInteger.binary(PackedInt.SHUFPD)), null, null));
        op.accept(0xD6, row("MOVQ_store", null, x("MOVQ", of("SseMove::MOVQ_store")), null, null));
        op.accept(0xD7, row("PMOVMSKB", null, reg("PMOVMSKB", of("SseSwar::PMOVMSKB")), null, null));
        op.accept(0xE7, row("MOVNTDQ", null, mem("MOVNTDQ", of("SseMove::MOVA_store")), null, null));
        op.accept(0xF7, row("MASKMOVDQU", null, reg("MASKMOVDQU", of("SseMove::MASKMOVDQU")), null, null));

        // ---- SSE3 arithmetic and LDDQU (the duplicating moves are in 0F 12 and 0F 16 above)
        op.accept(0x7C, row("HADD", null, x("HADDPD", SseArith.arith(FpOp.HADD, PD)), null,
                x("HADDPS", SseArith.arith(FpOp.HADD, PS))));
        op.accept(0x7D, row("HSUB", null, x("HSUBPD", SseArith.arith(FpOp.HSUB, PD)), null,
                x("HSUBPS", SseArith.arith(FpOp.HSUB, PS))));
        op.accept(0xD0, row("ADDSUB", null, x("ADDSUBPD", SseArith.arith(FpOp.ADDSUB, PD)), null,
                x("ADDSUBPS", SseArith.arith(FpOp.ADDSUB, PS))));
        op.accept(0xF0, row("LDDQU", null, null, null, mem("LDDQU", of("SseMove::MOVU_load"))));

        // ---- FP arithmetic, logic, compares, conversions
        op.accept(0x2A, row("CVTSI2SS", null, null, x("CVTSI2SS", SseArith.convert(Cvt.CVTSI2SS, 0)),
                x("CVTSI2SD", SseArith.convert(Cvt.CVTSI2SD, 0))));
        op.accept(0x2C, row("CVTTSS2SI", null, null, x("CVTTSS2SI", SseArith.toGpr(false, true)),
                x("CVTTSD2SI", SseArith.toGpr(true, true))));
        op.accept(0x2D, row("CVTSS2SI", null, null, x("CVTSS2SI", SseArith.toGpr(false, false)),
                x("CVTSD2SI", SseArith.toGpr(true, false))));
        op.accept(0x2E, row("UCOMISS", x("UCOMISS", SseArith.comi(false, false)), x("UCOMISD", SseArith.comi(true, false)),
                null, null));
        op.accept(0x2F, row("COMISS", x("COMISS", SseArith.comi(false, true)), x("COMISD", SseArith.comi(true, true)),
                null, null));
        op.accept(0x51, fp("SQRT", FpOp.SQRT));
        op.accept(0x52, row("RSQRT", x("RSQRTPS", SseArith.arith(FpOp.RSQRT, PS)), null,
                x("RSQRTSS", SseArith.arith(FpOp.RSQRT, SS)), null));
        op.accept(0x53, row("RCP", x("RCPPS", SseArith.arith(FpOp.RCP, PS)), null,
                x("RCPSS", SseArith.arith(FpOp.RCP, SS)), null));
        op.accept(0x54, row("ANDPS", x("ANDPS", of("SseInteger::AND")), x("ANDPD", of("SseInteger::AND")), null, null));
        op.accept(0x55, row("ANDNPS", x("ANDNPS", of("SseInteger::ANDN")), x("ANDNPD", of("SseInteger::ANDN")), null, null));
        op.accept(0x56, row("ORPS", x("ORPS", of("SseInteger::OR")), x("ORPD", of("SseInteger::OR")), null, null));
        op.accept(0x57, row("XORPS", x("XORPS", of("SseInteger::XOR")), x("XORPD", of("SseInteger::XOR")), null, null));
        op.accept(0x58, fp("ADD", FpOp.ADD));
        op.accept(0x59, fp("MUL", FpOp.MUL));
        op.accept(0x5A, row("CVTPS2PD", x("CVTPS2PD", SseArith.convert(Cvt.CVTPS2PD, 64)),
                x("CVTPD2PS", SseArith.convert(Cvt.CVTPD2PS, 128)), x("CVTSS2SD", SseArith.convert(Cvt.CVTSS2SD, 32)),
                x("CVTSD2SS", SseArith.convert(Cvt.CVTSD2SS, 64))));
        op.accept(0x5B, row("CVTDQ2PS", x("CVTDQ2PS", SseArith.convert(Cvt.CVTDQ2PS, 128)),
                x("CVTPS2DQ", SseArith.convert(Cvt.CVTPS2DQ, 128)), x("CVTTPS2DQ", SseArith.convert(Cvt.CVTTPS2DQ, 128)),
                null));
        op.accept(0x5C, fp("SUB", FpOp.SUB));
        op.accept(0x5D, fp("MIN", FpOp.MIN));
        op.accept(0x5E, fp("DIV", FpOp.DIV));
        op.accept(0x5F, fp("MAX", FpOp.MAX));
        op.accept(0xC2, row("CMP", xIb("CMPPS", SseArith.arith(FpOp.CMP, PS)), xIb("CMPPD", SseArith.arith(FpOp.CMP, PD)),
                xIb("CMPSS", SseArith.arith(FpOp.CMP, SS)), xIb("CMPSD", SseArith.arith(FpOp.CMP, SD))));
        op.accept(0xE6, row("CVTPD2DQ", null, x("CVTTPD2DQ", SseArith.convert(Cvt.CVTTPD2DQ, 128)),
                x("CVTDQ2PD", SseArith.convert(Cvt.CVTDQ2PD, 64)), x("CVTPD2DQ", SseArith.convert(Cvt.CVTPD2DQ, 128))));

        // ---- integer: 66 0F 60..6D, 74..76, D1..FE; groups 12-14 (PCMPEQ*, PADD*, PSUB* in IR: SseSwar)
        PackedInt[] r60 = {PackedInt.PUNPCKLBW, PackedInt.PUNPCKLWD, PackedInt.PUNPCKLDQ, PackedInt.PACKSSWB,
            PackedInt.PCMPGTB, PackedInt.PCMPGTW, PackedInt.PCMPGTD, PackedInt.PACKUSWB, PackedInt.PUNPCKHBW,
            PackedInt.PUNPCKHWD, PackedInt.PUNPCKHDQ, PackedInt.PACKSSDW, PackedInt.PUNPCKLQDQ, PackedInt.PUNPCKHQDQ};
        for (int k = 0; k < r60.length; k++) {
            op.accept(0x60 + k, p66(r60[k]));
        }
        op.accept(0x70, row("PSHUFD", null, xIb("PSHUFD", SseInteger.binary(PackedInt.PSHUFD)),
                xIb("PSHUFHW", SseInteger.binary(PackedInt.PSHUFHW)), xIb("PSHUFLW", SseInteger.binary(PackedInt.PSHUFLW))));
        op.accept(0x71, shiftGroup("GRP12", null, PackedInt.PSRLW_I, null, PackedInt.PSRAW_I, PackedInt.PSLLW_I, null));
        op.accept(0x72, shiftGroup("GRP13", null, PackedInt.PSRLD_I, null, PackedInt.PSRAD_I, PackedInt.PSLLD_I, null));
        op.accept(0x73, shiftGroup("GRP14", null, PackedInt.PSRLQ_I, PackedInt.PSRLDQ_I, null, PackedInt.PSLLQ_I,
                PackedInt.PSLLDQ_I));
        op.accept(0x74, row("PCMPEQB", null, x("PCMPEQB", SseSwar.compareEqual(8)), null, null));
        op.accept(0x75, row("PCMPEQW", null, x("PCMPEQW", SseSwar.compareEqual(16)), null, null));
        op.accept(0x76, row("PCMPEQD", null, x("PCMPEQD", SseSwar.compareEqual(32)), null, null));
        String[] addSub = {"PSUBB", "PSUBW", "PSUBD", "PSUBQ", "PADDB", "PADDW", "PADDD"};
        for (int k = 0; k < addSub.length; k++) {
            int bits = 8 << (k & 3);
            Handler h = k < 4 ? SseSwar.sub(bits) : SseSwar.add(bits);
            op.accept(0xF8 + k, row(addSub[k], null, x(addSub[k], h), null, null));
        }
        op.accept(0xD4, row("PADDQ", null, x("PADDQ", SseSwar.add(64)), null, null));
        PackedInt[] rD0 = {null, PackedInt.PSRLW, PackedInt.PSRLD, PackedInt.PSRLQ, null, PackedInt.PMULLW,
            null, null, PackedInt.PSUBUSB, PackedInt.PSUBUSW, PackedInt.PMINUB, null, PackedInt.PADDUSB,
            PackedInt.PADDUSW, PackedInt.PMAXUB, null,
            PackedInt.PAVGB, PackedInt.PSRAW, PackedInt.PSRAD, PackedInt.PAVGW, PackedInt.PMULHUW, PackedInt.PMULHW,
            null, null, PackedInt.PSUBSB, PackedInt.PSUBSW, PackedInt.PMINSW, null, PackedInt.PADDSB,
            PackedInt.PADDSW, PackedInt.PMAXSW, null,
            null, PackedInt.PSLLW, PackedInt.PSLLD, PackedInt.PSLLQ, PackedInt.PMULUDQ, PackedInt.PMADDWD,
            PackedInt.PSADBW, null, null, null, null, null, null, null, null, null};
        for (int k = 0; k < rD0.length; k++) {
            if (rD0[k] != null) {
                op.accept(0xD0 + k, p66(rD0[k]));
            }
        }
        op.accept(0xDB, row("PAND", null, x("PAND", of("SseInteger::AND")), null, null));
        op.accept(0xDF, row("PANDN", null, x("PANDN", of("SseInteger::ANDN")), null, null));
        op.accept(0xEB, row("POR", null, x("POR", of("SseInteger::OR")), null, null));
        op.accept(0xEF, row("PXOR", null, x("PXOR", of("SseInteger::XOR")), null, null));
    }

    /** Groups 12-14: /2, /3, /4, /6, /7 with 66, register form, imm8 count. */
    private static OpcodeEntry shiftGroup(String name, PackedInt r0, PackedInt r2, PackedInt r3, PackedInt r4,
            PackedInt r6, PackedInt r7) {
        PackedInt[] cells = {r0, null, r2, r3, r4, null, r6, r7};
        OpcodeEntry[] byReg = new OpcodeEntry[8];
        for (int k = 0; k < 8; k++) {
            if (cells[k] != null) {
                byReg[k] = row(cells[k].name(), null, regIb(cells[k].name(), SseInteger.shiftImm(cells[k])), null, null);
            }
        }
        return group(name, 0, byReg);
    }
}
