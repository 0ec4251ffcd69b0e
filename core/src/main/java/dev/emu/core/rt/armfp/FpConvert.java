package dev.emu.core.rt.armfp;

import static dev.emu.core.rt.armfp.Fp.EBITS;
import static dev.emu.core.rt.armfp.Fp.FBITS;
import static dev.emu.core.rt.armfp.Fp.FPCR_DN;
import static dev.emu.core.rt.armfp.Fp.H;
import static dev.emu.core.rt.armfp.Fp.INF;
import static dev.emu.core.rt.armfp.Fp.IOC;
import static dev.emu.core.rt.armfp.Fp.IXC;
import static dev.emu.core.rt.armfp.Fp.RA;
import static dev.emu.core.rt.armfp.Fp.RM;
import static dev.emu.core.rt.armfp.Fp.RN;
import static dev.emu.core.rt.armfp.Fp.RP;
import static dev.emu.core.rt.armfp.Fp.RZ;
import static dev.emu.core.rt.armfp.Fp.SNAN;
import static dev.emu.core.rt.armfp.Fp.ZERO;
import static dev.emu.core.rt.armfp.Fp.raise;

import dev.emu.core.cpu.CpuState;

import java.math.BigInteger;

/**
 * FPConvert (between formats), FPToFixed (FCVTZS, FCVTNS... and the fixed-point forms),
 * FixedToFP (SCVTF, UCVTF) and FPRoundInt (FRINT*), after the Arm ARM pseudocode.
 */
public final class FpConvert {
    private FpConvert() {}

    /** FPConvert: bits of format {@code from} to format {@code to}, rounding in FPCR's mode. */
    public static long convert(CpuState s, long bits, int from, int to) {
        // FPUnpackCV: binary16 inputs ignore FZ16; FZ still flushes binary32/64 inputs
        Fp.U u = Fp.unpack(s, bits, from, from != H);
        if (u.nan()) {
            if (u.type == SNAN) {
                raise(s, IOC);
            }
            if ((Fp.fpcr(s) & FPCR_DN) != 0) {
                return Fp.defaultNaN(to);
            }
            // keep the sign and the top fraction bits, quietened
            long frac = bits & ((1L << FBITS[from]) - 1);
            int shift = FBITS[to] - FBITS[from];
            long f = shift >= 0 ? frac << shift : frac >>> -shift;
            return Fp.signBit(u.sign, to) | ((1L << EBITS[to]) - 1) << FBITS[to] | f | 1L << (FBITS[to] - 1);
        }
        if (u.type == INF) {
            return Fp.inf(u.sign, to);
        }
        if (u.type == ZERO) {
            return Fp.zero(u.sign, to);
        }
        return Fp.round(s, u.sign, BigInteger.valueOf(u.mant), u.exp, false, to, Fp.rmode(s), to != H);
    }

    /**
     * FPToFixed: the float {@code bits} times 2^fbits, rounded in {@code mode} to a signed or
     * unsigned integer of {@code intBits} (32 or 64), saturating with IOC; NaN gives 0 and IOC.
     */
    public static long toFixed(CpuState s, long bits, int fmt, int fbits, boolean unsigned, int intBits, int mode) {
        Fp.U u = Fp.unpack(s, bits, fmt);
        if (u.nan()) {
            raise(s, IOC);
            return 0;
        }
        long max = unsigned ? (intBits == 64 ? -1L : (1L << intBits) - 1) : (1L << (intBits - 1)) - 1;
        long min = unsigned ? 0 : -(1L << (intBits - 1));
        if (u.type == INF) {
            raise(s, IOC);
            return (u.sign ? min : max) & (intBits == 32 ? 0xFFFF_FFFFL : -1L);
        }
        if (u.type == ZERO) {
            return 0;
        }
        // value * 2^fbits = mant * 2^(exp + fbits)
        int e = u.exp + fbits;
        BigInteger m = BigInteger.valueOf(u.mant);
        BigInteger r;
        boolean inexact;
        if (e >= 0) {
            r = e > 200 ? BigInteger.ONE.shiftLeft(200) : m.shiftLeft(e);
            inexact = false;
        } else {
            int sh = -e;
            BigInteger q = m.shiftRight(sh);
            BigInteger rem = m.subtract(q.shiftLeft(sh));
            inexact = rem.signum() != 0;
            int c = rem.compareTo(BigInteger.ONE.shiftLeft(sh - 1));
            boolean up = switch (mode) {
                case RN -> c > 0 || (c == 0 && q.testBit(0));
                case RA -> c >= 0;
                case RP -> inexact && !u.sign;
                case RM -> inexact && u.sign;
                default -> false;
            };
            r = up ? q.add(BigInteger.ONE) : q;
        }
        if (u.sign) {
            r = r.negate();
        }
        BigInteger lo = unsigned ? BigInteger.ZERO : BigInteger.valueOf(min);
        BigInteger hi = unsigned ? BigInteger.ONE.shiftLeft(intBits).subtract(BigInteger.ONE) : BigInteger.valueOf(max);
        long mask = intBits == 32 ? 0xFFFF_FFFFL : -1L;
        if (r.compareTo(hi) > 0) {
            raise(s, IOC);
            return max & mask;
        }
        if (r.compareTo(lo) < 0) {
            raise(s, IOC);
            return min & mask;
        }
        if (inexact) {
            raise(s, IXC);
        }
        long v = r.longValue();
        return intBits == 32 ? v & 0xFFFF_FFFFL : v;
    }

    /** FixedToFP: the integer {@code value} (of intBits, signed or not) over 2^fbits, rounded in {@code mode}. */
    public static long fromFixed(CpuState s, long value, int intBits, boolean unsigned, int fbits, int fmt, int mode) {
        BigInteger v;
        if (intBits == 32) {
            v = BigInteger.valueOf(unsigned ? value & 0xFFFF_FFFFL : (int) value);
        } else {
            v = unsigned ? new BigInteger(Long.toUnsignedString(value)) : BigInteger.valueOf(value);
        }
        if (v.signum() == 0) {
            return Fp.zero(false, fmt);
        }
        return Fp.round(s, v.signum() < 0, v.abs(), -fbits, false, fmt, mode, true);
    }

    /** FPRoundInt: to an integral value in {@code mode}; {@code exact} (FRINTX) raises IXC when it changes. */
    public static long roundInt(CpuState s, long bits, int fmt, int mode, boolean exact) {
        Fp.U u = Fp.unpack(s, bits, fmt);
        if (u.nan()) {
            return Fp.processNaN(s, u, fmt);
        }
        if (u.type == INF) {
            return Fp.inf(u.sign, fmt);
        }
        if (u.type == ZERO) {
            return Fp.zero(u.sign, fmt);
        }
        if (u.exp >= 0) {
            return bits; // already integral
        }
        int sh = -u.exp;
        long q = sh >= 63 ? 0 : u.mant >>> sh;
        long rem = sh >= 63 ? u.mant : u.mant - (q << sh);
        long half = sh >= 64 ? Long.MAX_VALUE : 1L << (sh - 1);
        int c = sh > 63 ? -1 : Long.compare(rem, half);
        boolean inexact = rem != 0;
        boolean up = switch (mode) {
            case RN -> c > 0 || (c == 0 && (q & 1) != 0);
            case RA -> c >= 0;
            case RP -> inexact && !u.sign;
            case RM -> inexact && u.sign;
            default -> false;
        };
        if (up) {
            q++;
        }
        if (exact && inexact) {
            raise(s, IXC);
        }
        if (q == 0) {
            return Fp.zero(u.sign, fmt);
        }
        return Fp.round(s, u.sign, BigInteger.valueOf(q), 0, false, fmt, RZ, false);
    }

    /** The rounding of FCVTN/P/M/Z/A: rmode bits 20:19 with 'A' for ties away. */
    static int modeOf(int rmodeField, boolean away) {
        return away ? RA : switch (rmodeField) {
            case 0 -> RN;
            case 1 -> RP;
            case 2 -> RM;
            default -> RZ;
        };
    }

    /**
     * FPToFixedJS (FJCVTZS): binary64 to a 32-bit integer toward zero, modulo 2^32; the
     * result is in the low 32 bits and bit 32 is the Z flag (set when the conversion was
     * exact and in range and the operand was not a negative zero).
     */
    public static long toInt32JS(CpuState s, long bits) {
        Fp.U u = Fp.unpack(s, bits, Fp.D);
        if (u.nan() || u.type == INF) {
            raise(s, IOC);
            return 0;
        }
        if (u.type == ZERO) {
            return u.sign ? 0 : 1L << 32; // -0 (or a negative denormal flushed by FZ) clears Z
        }
        BigInteger m = BigInteger.valueOf(u.mant);
        BigInteger r = u.exp >= 0 ? m.shiftLeft(u.exp) : m.shiftRight(-u.exp);
        boolean inexact = u.exp < 0 && !r.shiftLeft(-u.exp).equals(m);
        if (u.sign) {
            r = r.negate();
        }
        long low = r.longValue() & 0xFFFF_FFFFL;
        if (r.bitLength() > 31) {
            raise(s, IOC);
            return low;
        }
        if (inexact) {
            raise(s, IXC);
            return low;
        }
        return low | 1L << 32;
    }

    /**
     * FPRoundIntN (FRINT32Z/X, FRINT64Z/X): an integral value in {@code mode} that must fit a
     * signed {@code intBits}-bit integer; NaN, infinity or out of range give -2^(intBits-1)
     * with IOC.
     */
    public static long roundIntN(CpuState s, long bits, int fmt, int mode, int intBits) {
        Fp.U u = Fp.unpack(s, bits, fmt);
        long minBits = fmt == Fp.D ? Double.doubleToRawLongBits(-Math.pow(2, intBits - 1))
                : Float.floatToRawIntBits((float) -Math.pow(2, intBits - 1)) & 0xFFFF_FFFFL;
        if (u.nan() || u.type == INF) {
            raise(s, IOC);
            return minBits;
        }
        if (u.type == ZERO) {
            return Fp.zero(u.sign, fmt);
        }
        long before = s.regs[s.registerFile.fpStatusSlot];
        long r = roundInt(s, bits, fmt, mode, true);
        Fp.U v = Fp.unpack(s, r, fmt, false);
        boolean inRange = v.type == ZERO || 64 - Long.numberOfLeadingZeros(v.mant) + v.exp <= intBits - 1
                || (v.sign && v.mant == Long.lowestOneBit(v.mant) && 64 - Long.numberOfLeadingZeros(v.mant) + v.exp == intBits);
        if (!inRange) {
            s.regs[s.registerFile.fpStatusSlot] = before;
            raise(s, IOC);
            return minBits;
        }
        return r;
    }
}
