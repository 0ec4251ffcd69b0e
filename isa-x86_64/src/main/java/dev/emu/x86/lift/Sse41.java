package dev.emu.x86.lift;

import static dev.emu.x86.lift.SseOperands.hi;
import static dev.emu.x86.lift.SseOperands.lo;
import static dev.emu.x86.lift.SseOperands.rm128;
import static dev.emu.x86.lift.SseOperands.set;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.x86.X86Registers;
import dev.emu.x86.decode.X86Insn;
import dev.emu.x86.sse.PackedInt;

/**
 * The SSE4.1 instructions whose operands are not plain xmm, xmm/m128 (SDM Vol. 2 by
 * mnemonic): PMOVSX/PMOVZX (narrow memory sources), PBLENDVB/BLENDVPS/BLENDVPD (XMM0 the
 * implicit mask), PTEST (flags), PEXTRB/W/D/Q and EXTRACTPS (to a general register or
 * memory), PINSRB/D/Q and INSERTPS.
 */
public final class Sse41 {
    private Sse41() {}

    /** PMOVSX*, PMOVZX*: the source is an XMM register or only the {@code bytes} bytes the result uses. */
    public static Handler extend(PackedInt op, int bytes) {
        return (c, i) -> {
            IrBuilder b = c.b;
            Value src;
            if (i.mod == 3) {
                src = lo(c, i.rm);
            } else {
                src = b.zext64(c.load(bytes * 8, c.ea()));
            }
            b.call(SseInteger.PACKED_INT, b.c32(op.ordinal()), b.c32(i.reg), src, b.c64(0), b.c32(0));
        };
    }

    /** PBLENDVB, BLENDVPS, BLENDVPD: lanes of the source where XMM0's lane has its top bit set. */
    public static Handler blendVariable(int laneBits) {
        return (c, i) -> {
            IrBuilder b = c.b;
            Value[] src = rm128(c, i, true);
            Value[] sel = {lo(c, 0), hi(c, 0)};
            Value[] dst = {lo(c, i.reg), hi(c, i.reg)};
            Value[] out = new Value[2];
            for (int h = 0; h < 2; h++) {
                Value m = laneMask(b, sel[h], laneBits);
                out[h] = b.or(b.and(dst[h], b.not(m)), b.and(src[h], m));
            }
            set(c, i.reg, out[0], out[1]);
        };
    }

    /** All ones in each lane of {@code v} whose top bit is set. */
    private static Value laneMask(IrBuilder b, Value v, int bits) {
        if (bits == 64) {
            return b.sar(v, b.c64(63));
        }
        long ones = bits == 8 ? 0x0101_0101_0101_0101L : 0x0000_0001_0000_0001L;
        long fill = (1L << bits) - 1;
        Value tops = b.and(b.shr(v, b.c64(bits - 1)), b.c64(ones));
        return b.mul(tops, b.c64(fill));
    }

    /** PTEST xmm, xmm/m128: ZF = (dst AND src) == 0, CF = (NOT dst AND src) == 0, the rest cleared. */
    public static void PTEST(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        Value[] src = rm128(c, i, true);
        Value dl = lo(c, i.reg);
        Value dh = hi(c, i.reg);
        Value and = b.or(b.and(dl, src[0]), b.and(dh, src[1]));
        Value andn = b.or(b.and(b.not(dl), src[0]), b.and(b.not(dh), src[1]));
        Flags.setPacked(c, b.or(Flags.at(c, b.cmpEq(and, b.c64(0)), X86Registers.ZF_BIT), b.cmpEq(andn, b.c64(0))));
    }

    /** The lane imm of {@code bits} of xmm reg, zero-extended in an I64. */
    private static Value lane(LiftContext c, int xmm, int bits, long imm) {
        IrBuilder b = c.b;
        int n = 128 / bits;
        int k = (int) (imm & (n - 1));
        int perHalf = 64 / bits;
        Value half = k < perHalf ? lo(c, xmm) : hi(c, xmm);
        if (bits == 64) {
            return half;
        }
        return b.and(b.shr(half, b.c64((long) (k % perHalf) * bits)), b.c64((1L << bits) - 1));
    }

    /**
     * PEXTRB (bits 8), PEXTRW (16, 0F 3A 15), PEXTRD/PEXTRQ (32, 64 with REX.W) and EXTRACTPS
     * (32 whatever REX.W): to memory of the lane's size, or to a general register zero-extended.
     */
    public static Handler extract(int bits, boolean wideWithRexW) {
        return (c, i) -> {
            int size = wideWithRexW && i.rexW() ? 64 : bits;
            Value v = lane(c, i.reg, size, i.imm);
            if (i.mod == 3) {
                c.setReg(size == 64 ? 64 : 32, i.rm, size == 64 ? v : c.b.trunc32(v));
            } else {
                c.store(c.ea(), size == 64 ? v : c.b.trunc32(v), size);
            }
        };
    }

    /** PINSRB (bits 8) and PINSRD/PINSRQ (32, 64 with REX.W): lane imm from r32/r64 or memory. */
    public static Handler insert(int bits) {
        return (c, i) -> {
            IrBuilder b = c.b;
            int size = bits == 32 && i.rexW() ? 64 : bits;
            Value v;
            if (i.mod == 3) {
                v = size == 64 ? c.getReg(64, i.rm) : b.zext64(c.getReg(32, i.rm));
            } else {
                v = b.zext64(c.load(size, c.ea()));
            }
            int n = 128 / size;
            int k = (int) (i.imm & (n - 1));
            int perHalf = 64 / size;
            int shift = (k % perHalf) * size;
            long fieldMask = size == 64 ? -1L : ((1L << size) - 1) << shift;
            Value field = size == 64 ? v : b.and(b.shl(v, b.c64(shift)), b.c64(fieldMask));
            boolean high = k >= perHalf;
            Value half = high ? hi(c, i.reg) : lo(c, i.reg);
            Value merged = b.or(b.and(half, b.c64(~fieldMask)), field);
            if (high) {
                SseOperands.setHi(c, i.reg, merged);
            } else {
                SseOperands.setLo(c, i.reg, merged);
            }
        };
    }

    /** INSERTPS xmm, xmm/m32, imm8: a memory source is element 0 (imm[7:6] ignored). */
    public static void INSERTPS(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        Value srcLo;
        Value srcHi;
        int imm = (int) (i.imm & 0xFF);
        if (i.mod == 3) {
            srcLo = lo(c, i.rm);
            srcHi = hi(c, i.rm);
        } else {
            srcLo = b.zext64(c.load(32, c.ea()));
            srcHi = b.c64(0);
            imm &= 0x3F;
        }
        b.call(SseInteger.PACKED_INT, b.c32(PackedInt.INSERTPS.ordinal()), b.c32(i.reg), srcLo, srcHi, b.c32(imm));
    }
}
