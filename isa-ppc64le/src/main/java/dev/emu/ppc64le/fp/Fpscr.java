package dev.emu.ppc64le.fp;

/**
 * The FPSCR's bits (Power ISA 2.07B 4.2.2) as masks of the 64-bit register (bit 63 of the
 * manual is bit 0 here), and how an instruction's outcome lands in it: sticky exception bits,
 * FX when one of them goes from 0 to 1, the VX and FEX summaries, FR/FI and FPRF.
 */
public final class Fpscr {
    private Fpscr() {}

    public static final int FX = 1 << 31, FEX = 1 << 30, VX = 1 << 29, OX = 1 << 28, UX = 1 << 27, ZX = 1 << 26,
            XX = 1 << 25, VXSNAN = 1 << 24, VXISI = 1 << 23, VXIDI = 1 << 22, VXZDZ = 1 << 21, VXIMZ = 1 << 20,
            VXVC = 1 << 19, FR = 1 << 18, FI = 1 << 17, VXSOFT = 1 << 10, VXSQRT = 1 << 9, VXCVI = 1 << 8,
            VE = 1 << 7, OE = 1 << 6, UE = 1 << 5, ZE = 1 << 4, XE = 1 << 3, NI = 1 << 2, RN = 3;
    public static final int FPRF_SHIFT = 12, FPRF = 0x1F << FPRF_SHIFT, FPCC = 0xF << FPRF_SHIFT;
    /** The invalid-operation bits VX summarises. */
    public static final int VX_ALL = VXSNAN | VXISI | VXIDI | VXZDZ | VXIMZ | VXVC | VXSOFT | VXSQRT | VXCVI;
    /** The exception bits whose setting sets FX. */
    public static final int EXCEPTIONS = OX | UX | ZX | XX | VX_ALL;
    /** The enable bits and NI: this core does not implement enabled exceptions nor non-IEEE mode. */
    public static final int UNSUPPORTED_CONTROLS = VE | OE | UE | ZE | XE | NI;

    // FPRF codes (C FL FG FE FU)
    public static final int QNAN = 0x11, NEG_INF = 0x09, NEG_NORMAL = 0x08, NEG_DENORM = 0x18, NEG_ZERO = 0x12,
            POS_ZERO = 0x02, POS_DENORM = 0x14, POS_NORMAL = 0x04, POS_INF = 0x05;

    /** FPSCR with VX and FEX recomputed from the bits they summarise. */
    public static long summarise(long f) {
        f = (f & VX_ALL) != 0 ? f | VX : f & ~VX;
        boolean fex = (f & VX) != 0 && (f & VE) != 0 || (f & OX) != 0 && (f & OE) != 0
                || (f & UX) != 0 && (f & UE) != 0 || (f & ZX) != 0 && (f & ZE) != 0 || (f & XX) != 0 && (f & XE) != 0;
        return fex ? f | FEX : f & ~FEX;
    }

    /** ORs exception bits in, setting FX if any of them was clear. */
    public static long raise(long f, int exc) {
        if ((exc & ~f & EXCEPTIONS) != 0) {
            f |= FX & 0xFFFF_FFFFL;
        }
        return summarise(f | exc & 0xFFFF_FFFFL);
    }

    /** FPRF's code for the binary64 {@code bits}. */
    public static int classDouble(long bits) {
        return classify(bits >>> 63 != 0, (int) (bits >>> 52) & 0x7FF, 0x7FF, bits & ((1L << 52) - 1));
    }

    /** FPRF's code for the binary32 {@code bits}. */
    public static int classSingle(int bits) {
        return classify(bits < 0, bits >>> 23 & 0xFF, 0xFF, bits & 0x7F_FFFF);
    }

    private static int classify(boolean neg, int e, int eMax, long f) {
        if (e == eMax) {
            return f != 0 ? QNAN : neg ? NEG_INF : POS_INF;
        }
        if (e == 0) {
            return f == 0 ? (neg ? NEG_ZERO : POS_ZERO) : neg ? NEG_DENORM : POS_DENORM;
        }
        return neg ? NEG_NORMAL : POS_NORMAL;
    }
}
