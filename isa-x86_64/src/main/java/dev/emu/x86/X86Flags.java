package dev.emu.x86;

/**
 * Lazy arithmetic flags: what the guest state holds instead of CF PF AF ZF SF OF, and how
 * they are computed from it (qemu's cc_op scheme; see docs/x86-perf.md for why and what it
 * saved).
 *
 * <p>Four slots describe the last flag-setting operation: {@code cc_op} ({@link #op}: the
 * kind and the operand size), {@code cc_dst} (its result), {@code cc_src} (its second
 * operand) and {@code cc_aux} (a carry or borrow in, or the CF that INC/DEC keep), all
 * zero-extended from the operand size. The first operand is recovered from the others
 * (for ADD, a = dst - src). Kind {@link #EAGER} (cc_op = 0, the reset value) means the
 * flags themselves are in {@code cc_src}, at their RFLAGS bit positions. {@link #RESULT}
 * takes SF ZF PF from the result and CF OF AF from the bits of {@code cc_src}, which covers
 * the logic ops (cc_src = 0), shifts and multiplies.
 *
 * <p>The lifter computes a flag from the operation's IR values when the operation is in the
 * same block (so {@code cmp; jl} is one signed compare); {@link #flags} is the pure helper
 * the generated code calls when it is not, and what {@link X86Registers#rflags} shows.
 */
public final class X86Flags {
    private X86Flags() {}

    public static final int EAGER = 0;
    public static final int ADD = 1;
    public static final int ADC = 2;
    public static final int SUB = 3;
    public static final int SBB = 4;
    public static final int RESULT = 5;
    public static final int INC = 6;
    public static final int DEC = 7;

    public static final int CF = 1 << X86Registers.CF_BIT;
    public static final int PF = 1 << X86Registers.PF_BIT;
    public static final int AF = 1 << X86Registers.AF_BIT;
    public static final int ZF = 1 << X86Registers.ZF_BIT;
    public static final int SF = 1 << X86Registers.SF_BIT;
    public static final int OF = 1 << X86Registers.OF_BIT;
    /** The six arithmetic flags, the bits the lazy state describes. */
    public static final int ARITH = CF | PF | AF | ZF | SF | OF;

    /** The cc_op value of operation {@code kind} on operands of {@code size} bits (8, 16, 32, 64). */
    public static int op(int kind, int size) {
        return kind << 2 | Integer.numberOfTrailingZeros(size >> 3);
    }

    /**
     * The six arithmetic flags, at their RFLAGS bits, of the state (op, dst, src, aux).
     * Pure: generated code calls it where the flag-setting operation is not in view.
     */
    public static long flags(long op, long dst, long src, long aux) {
        int kind = (int) op >>> 2;
        int size = 8 << (op & 3);
        long m = size == 64 ? -1L : (1L << size) - 1;
        long a;
        long cf;
        long of;
        switch (kind) {
            case EAGER:
                return src & ARITH;
            case ADD, ADC:
                a = (dst - src - (kind == ADC ? aux : 0)) & m;
                cf = kind == ADC && aux != 0 ? leu(dst, a) : ltu(dst, a);
                of = (a ^ dst) & (src ^ dst);
                break;
            case SUB, SBB:
                a = (dst + src + (kind == SBB ? aux : 0)) & m;
                cf = kind == SBB && aux != 0 ? leu(a, src) : ltu(a, src);
                of = (a ^ src) & (a ^ dst);
                break;
            case INC:
                a = (dst - 1) & m;
                return (aux & 1) | ((dst & (a ^ dst)) >>> (size - 1) & 1) << X86Registers.OF_BIT
                        | ((a ^ 1 ^ dst) & 0x10) | szp(dst, size);
            case DEC:
                a = (dst + 1) & m;
                return (aux & 1) | ((a & (a ^ dst)) >>> (size - 1) & 1) << X86Registers.OF_BIT
                        | ((a ^ 1 ^ dst) & 0x10) | szp(dst, size);
            case RESULT:
                return (src & (CF | OF | AF)) | szp(dst, size);
            default:
                throw new IllegalStateException("cc_op " + op);
        }
        return cf | (of >>> (size - 1) & 1) << X86Registers.OF_BIT | ((a ^ src ^ dst) & 0x10) | szp(dst, size);
    }

    private static long ltu(long x, long y) {
        return Long.compareUnsigned(x, y) < 0 ? 1 : 0;
    }

    private static long leu(long x, long y) {
        return Long.compareUnsigned(x, y) <= 0 ? 1 : 0;
    }

    /** SF, ZF, PF of a zero-extended result of {@code size} bits. */
    private static long szp(long r, int size) {
        long f = (r >>> (size - 1) & 1) << X86Registers.SF_BIT;
        if (r == 0) {
            f |= ZF;
        }
        if ((Integer.bitCount((int) r & 0xFF) & 1) == 0) {
            f |= PF;
        }
        return f;
    }
}
