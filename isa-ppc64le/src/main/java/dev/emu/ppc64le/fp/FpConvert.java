package dev.emu.ppc64le.fp;

import static dev.emu.ppc64le.fp.Fpscr.VXCVI;
import static dev.emu.ppc64le.fp.Fpscr.VXSNAN;
import static dev.emu.ppc64le.fp.Fpscr.XX;

import dev.emu.ppc64le.fp.PpcFp.Status;

import java.math.BigInteger;

/**
 * Power ISA 2.07B 4.6.7 (floating round and convert) and the matching VSX conversions:
 * to integer (fcti*, xscvdp*x*), from integer (fcfid*, xscv*xd*), round to integral (fri*,
 * xsrdpi*).
 */
public final class FpConvert {
    private FpConvert() {}

    /** Rounding to an integral value: the FPSCR modes, plus {@link #AWAY} (frin: nearest, ties away from zero). */
    public static final int AWAY = 4;

    /** {@code d} rounded to an integral value in {@code mode} (exact; keeps a zero's sign). */
    public static double integral(double d, int mode) {
        return switch (mode) {
            case PpcFp.NEAREST -> Math.rint(d);
            case PpcFp.ZERO -> d < 0 ? Math.ceil(d) : Math.floor(d);
            case PpcFp.UP -> Math.ceil(d);
            case PpcFp.DOWN -> Math.floor(d);
            default -> {
                double a = Math.abs(d), t = Math.floor(a);
                if (a - t >= 0.5) {
                    t += 1;
                }
                yield Math.copySign(t, d);
            }
        };
    }

    /**
     * fctiw/fctid/fctiwu/fctidu and their z forms: {@code x} rounded in {@code mode} to a 32-
     * or 64-bit, signed or unsigned integer. NaN or out of range: VXCVI (and VXSNAN) with the
     * saturated value, or for a NaN the most negative signed value (0 unsigned), as QEMU gives
     * them; a 32-bit result is sign-extended (signed) or zero-extended (unsigned) to 64 bits.
     */
    public static long toInteger(Status st, long x, boolean word, boolean unsigned, int mode) {
        double d = Double.longBitsToDouble(x);
        if (Double.isNaN(d)) {
            st.exc |= VXCVI | (PpcFp.isSignalling(x) ? VXSNAN : 0);
            return unsigned ? 0 : word ? 0x8000_0000L : Long.MIN_VALUE;
        }
        double r = integral(d, mode);
        double lo = unsigned ? 0 : word ? -0x1p31 : -0x1p63;
        double hi = unsigned ? (word ? 0x1p32 : 0x1p64) : (word ? 0x1p31 : 0x1p63);
        if (r < lo || r >= hi) {
            st.exc |= VXCVI;
            boolean low = r < lo;
            if (unsigned) {
                return low ? 0 : word ? 0xFFFF_FFFFL : -1L;
            }
            return word ? (low ? Integer.MIN_VALUE : Integer.MAX_VALUE) : (low ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
        if (r != d) {
            st.exc |= XX;
            st.inexact = true;
            st.incremented = Math.abs(r) > Math.abs(d);
        }
        if (unsigned && r >= 0x1p63) {
            return (long) (r - 0x1p63) ^ Long.MIN_VALUE;
        }
        return (long) r;
    }

    /** fcfid/fcfidu/fcfids/fcfidus: a 64-bit integer rounded to {@code fmt} in {@code st}'s mode. */
    public static long fromInteger(Status st, long v, boolean unsigned, int fmt) {
        if (v == 0) {
            return 0;
        }
        boolean neg = !unsigned && v < 0;
        int limit = fmt == PpcFp.DOUBLE ? 53 : 24;
        if (!neg && (unsigned ? Long.compareUnsigned(v, 1L << limit) <= 0 : v <= 1L << limit) || neg && v >= -(1L << limit)) {
            return Double.doubleToRawLongBits((double) v); // exact
        }
        BigInteger mag = unsigned ? new BigInteger(Long.toUnsignedString(v)) : BigInteger.valueOf(v).abs();
        return PpcFp.round(st, neg, mag, 0, false, fmt);
    }

    /**
     * frin/friz/frip/frim and xsrdpi*: {@code x} rounded to an integral value; a NaN propagates
     * quiet (VXSNAN for a signalling one). {@code inexactFlag} (xsrdpic) raises XX/FI when the
     * value changed; the others leave FR and FI clear.
     */
    public static long roundToIntegral(Status st, long x, int mode, boolean inexactFlag) {
        if (PpcFp.isNaN(x)) {
            if (PpcFp.isSignalling(x)) {
                st.exc |= VXSNAN;
            }
            return x | 1L << 51;
        }
        double d = Double.longBitsToDouble(x), r = integral(d, mode);
        if (inexactFlag && r != d) {
            st.exc |= XX;
            st.inexact = true;
            st.incremented = Math.abs(r) > Math.abs(d);
        }
        return Double.doubleToRawLongBits(r);
    }
}
