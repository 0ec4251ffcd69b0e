package dev.emu.x86.lift;

import static dev.emu.x86.lift.SseOperands.hi;
import static dev.emu.x86.lift.SseOperands.lo;
import static dev.emu.x86.lift.SseOperands.rm128;
import static dev.emu.x86.lift.SseOperands.set;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;
import dev.emu.x86.decode.X86Insn;

/**
 * The integer instructions string and memory functions run in their inner loops (PCMPEQ*,
 * PADD*, PSUB*, PMOVMSKB) as IR on each 64-bit half, lanes computed in parallel inside the
 * word (SWAR: no carry crosses a lane), so the compiled tier runs them without a helper call.
 */
public final class SseSwar {
    private SseSwar() {}

    /** The top bit of every lane of {@code bits}. */
    private static long tops(int bits) {
        return switch (bits) {
            case 8 -> 0x8080_8080_8080_8080L;
            case 16 -> 0x8000_8000_8000_8000L;
            case 32 -> 0x8000_0000_8000_0000L;
            default -> 0x8000_0000_0000_0000L;
        };
    }

    /** PCMPEQB/W/D/Q: all ones in each lane where a and b are equal. */
    static Value equalLanes(IrBuilder b, Value x, Value y, int bits) {
        if (bits == 64) {
            return b.select(b.cmpEq(x, y), b.c64(-1L), b.c64(0));
        }
        long h = tops(bits);
        long low = ~h;
        Value d = b.xor(x, y);
        // top bit of (d & low) + low is set iff the lane's low bits are non-zero; or d's own top bit
        Value nonZero = b.or(b.add(b.and(d, b.c64(low)), b.c64(low)), d);
        Value equalTops = b.and(b.not(nonZero), b.c64(h));
        return b.mul(b.shr(equalTops, b.c64(bits - 1)), b.c64((1L << bits) - 1));
    }

    /** PADD*: lane-wise sum modulo 2^bits. */
    static Value addLanes(IrBuilder b, Value x, Value y, int bits) {
        if (bits == 64) {
            return b.add(x, y);
        }
        long h = tops(bits);
        Value sum = b.add(b.and(x, b.c64(~h)), b.and(y, b.c64(~h)));
        return b.xor(sum, b.and(b.xor(x, y), b.c64(h)));
    }

    /** PSUB*: lane-wise difference modulo 2^bits. */
    static Value subLanes(IrBuilder b, Value x, Value y, int bits) {
        if (bits == 64) {
            return b.sub(x, y);
        }
        long h = tops(bits);
        Value diff = b.sub(b.or(x, b.c64(h)), b.and(y, b.c64(~h)));
        return b.xor(diff, b.and(b.xor(b.xor(x, y), b.c64(-1L)), b.c64(h)));
    }

    @FunctionalInterface
    interface LaneFn {
        Value apply(IrBuilder b, Value x, Value y, int bits);
    }

    private static Handler lanes(LaneFn f, int bits) {
        return (c, i) -> {
            Value[] src = rm128(c, i, true);
            IrBuilder b = c.b;
            set(c, i.reg, f.apply(b, lo(c, i.reg), src[0], bits), f.apply(b, hi(c, i.reg), src[1], bits));
        };
    }

    /** PCMPEQB (bits 8), PCMPEQW, PCMPEQD (66 0F 74-76), PCMPEQQ (66 0F 38 29). */
    public static Handler compareEqual(int bits) {
        return lanes(SseSwar::equalLanes, bits);
    }

    /** PADDB/W/D/Q (66 0F FC, FD, FE, D4). */
    public static Handler add(int bits) {
        return lanes(SseSwar::addLanes, bits);
    }

    /** PSUBB/W/D/Q (66 0F F8-FB). */
    public static Handler sub(int bits) {
        return lanes(SseSwar::subLanes, bits);
    }

    /** The top bits of the 8 bytes of v as bits 0..7 of an I32 (one multiply gathers them). */
    private static Value byteSigns(IrBuilder b, Value v) {
        Value ones = b.shr(b.and(v, b.c64(0x8080_8080_8080_8080L)), b.c64(7));
        return b.trunc32(b.shr(b.mul(ones, b.c64(0x0102_0408_1020_4080L)), b.c64(56)));
    }

    /** PMOVMSKB r32, xmm (66 0F D7): the 16 byte sign bits, zero-extended. */
    public static void PMOVMSKB(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        Value l = byteSigns(b, lo(c, i.rm));
        Value h = byteSigns(b, hi(c, i.rm));
        c.setReg(32, i.reg, b.or(l, b.shl(h, b.c32(8))));
    }
}
