package dev.emu.ppc64le.vec;

import static dev.emu.ppc64le.PpcRegisters.crField;
import static dev.emu.ppc64le.vec.VmxLanes.va;
import static dev.emu.ppc64le.vec.VmxLanes.vb;
import static dev.emu.ppc64le.vec.VmxLanes.vt;

import dev.emu.core.cpu.CpuState;

import java.math.BigInteger;

/**
 * The software-divide tests of 4.6.8 and 7.6.1.4 (ftdiv, ftsqrt, xstdivdp, xstsqrtdp,
 * xvtdiv*, xvtsqrt*: a CR field of 0b1000 | FG << 2 | FE << 1 telling software whether a
 * division or square root needs its careful path) and the decimal add/subtract of 6.9.1.12
 * (bcdadd., bcdsub.).
 */
public final class VecTests {
    private VecTests() {}

    /** Format parameters: minimum exponent, maximum exponent, fraction bits. */
    private static final int[] DP = {-1022, 1023, 52}, SP = {-126, 127, 23};

    private static int exponent(long bits, int[] f) {
        int eb = f == DP ? 11 : 8;
        return (int) (bits >>> f[2] & ((1 << eb) - 1)) - f[1];
    }

    private static boolean isInf(long bits, int[] f) {
        return f == DP ? Double.isInfinite(Double.longBitsToDouble(bits)) : Float.isInfinite(Float.intBitsToFloat((int) bits));
    }

    private static boolean isNaN(long bits, int[] f) {
        return f == DP ? Double.isNaN(Double.longBitsToDouble(bits)) : Float.isNaN(Float.intBitsToFloat((int) bits));
    }

    private static boolean isZero(long bits, int[] f) {
        return (bits & (f == DP ? Long.MAX_VALUE : 0x7FFF_FFFFL)) == 0;
    }

    private static boolean isDenormal(long bits, int[] f) {
        return !isZero(bits, f) && exponent(bits, f) == f[0] - 1;
    }

    private static boolean negative(long bits, int[] f) {
        return (bits >>> (f == DP ? 63 : 31) & 1) != 0;
    }

    /** FG << 1 | FE of a test for software divide a / b. */
    public static int testDivide(long a, long b, int[] f) {
        if (isInf(a, f) || isInf(b, f) || isZero(b, f)) {
            return 3;
        }
        int ea = exponent(a, f), eb = exponent(b, f);
        boolean fe = isNaN(a, f) || isNaN(b, f) || eb <= f[0] || eb >= f[1] - 2
                || !isZero(a, f) && (ea - eb >= f[1] || ea - eb <= f[0] + 1 || ea <= f[0] + f[2]);
        boolean fg = isDenormal(b, f);
        return (fg ? 2 : 0) | (fe ? 1 : 0);
    }

    /** FG << 1 | FE of a test for software square root of b. */
    public static int testSqrt(long b, int[] f) {
        if (isInf(b, f) || isZero(b, f)) {
            return 3;
        }
        boolean fe = isNaN(b, f) || negative(b, f) || exponent(b, f) <= f[0] + f[2];
        return (isDenormal(b, f) ? 2 : 0) | (fe ? 1 : 0);
    }

    private static int field(int flags) {
        return 8 | flags << 1;
    }

    /** ftdiv / ftsqrt: BF from FRA, FRB (doubleword 0 of vs a, vs b; the X bits are 0 for them). */
    public static void testFloat(CpuState s, int w, int sqrt, int vsx) {
        int a = w >>> 16 & 31, b = w >>> 11 & 31;
        if (vsx != 0) {
            a |= (w >>> 2 & 1) << 5;
            b |= (w >>> 1 & 1) << 5;
        }
        long fa = Vr.vsr(s, a).hi, fb = Vr.vsr(s, b).hi;
        s.regs[crField(w >>> 23 & 7)] = field(sqrt != 0 ? testSqrt(fb, DP) : testDivide(fa, fb, DP));
    }

    /** xvtdivdp/xvtdivsp/xvtsqrtdp/xvtsqrtsp: the flags ORed over the elements. */
    public static void testVector(CpuState s, int w, boolean sqrt, boolean single) {
        int a = (w >>> 2 & 1) << 5 | w >>> 16 & 31, b = (w >>> 1 & 1) << 5 | w >>> 11 & 31;
        Vr va = Vr.vsr(s, a), vb = Vr.vsr(s, b);
        int bytes = single ? 4 : 8, flags = 0;
        int[] f = single ? SP : DP;
        for (int i = 0; i < 16 / bytes; i++) {
            long x = va.get(bytes, i), y = vb.get(bytes, i);
            flags |= sqrt ? testSqrt(y, f) : testDivide(x, y, f);
        }
        s.regs[crField(w >>> 23 & 7)] = field(flags);
    }

    // ------------------------------------------------------------------ decimal
    private static final BigInteger LIMIT = BigInteger.TEN.pow(31);

    /** The magnitude of a packed decimal register, or null when a digit or the sign code is invalid. */
    static BigInteger magnitude(Vr v) {
        if ((v.lo & 15) < 10) {
            return null;
        }
        BigInteger r = BigInteger.ZERO;
        for (int i = 31; i >= 1; i--) {
            long dw = i >= 16 ? v.hi : v.lo;
            int d = (int) (dw >>> (4 * (i & 15)) & 15);
            if (d > 9) {
                return null;
            }
            r = r.multiply(BigInteger.TEN).add(BigInteger.valueOf(d));
        }
        return r;
    }

    static boolean negative(Vr v) {
        long sign = v.lo & 15;
        return sign == 0xB || sign == 0xD;
    }

    /**
     * bcdadd. / bcdsub.: VRT = VRA +/- VRB in packed decimal (31 digits, sign code D for negative,
     * C or (PS = 1) F for positive); operands of one sign keep it even for a zero sum (-0 + -0 is
     * -0), otherwise the larger magnitude's sign wins and an exact cancellation is +0. CR6: LT
     * for a negative result, GT for a positive one, EQ for zero (a zero sum of one sign keeps LT
     * or GT, a cancellation has EQ alone), SO on overflow (the low 31 digits are kept). Invalid operands give all ones and CR6 = 0b0001
     * (the ISA leaves VRT undefined; this is QEMU's value).
     */
    public static void bcd(CpuState s, int w, boolean subtract) {
        Vr va = Vr.vr(s, va(w)), vb = Vr.vr(s, vb(w));
        BigInteger a = magnitude(va), b = magnitude(vb);
        int ps = w >>> 9 & 1;
        if (a == null || b == null) {
            Vr.setVr(s, vt(w), new Vr(-1L, -1L));
            s.regs[crField(6)] = 1;
            return;
        }
        boolean negA = negative(va), negB = negative(vb) ^ subtract;
        BigInteger sum;
        boolean neg, sameSign = negA == negB;
        if (sameSign) {
            sum = a.add(b);
            neg = negA;
        } else {
            int cmp = a.compareTo(b);
            sum = cmp >= 0 ? a.subtract(b) : b.subtract(a);
            neg = cmp > 0 ? negA : cmp < 0 && negB;
        }
        boolean overflow = sum.compareTo(LIMIT) >= 0;
        BigInteger mag = sum.mod(LIMIT);
        Vr out = new Vr(0, neg ? 0xD : ps == 1 ? 0xF : 0xC);
        String digits = mag.toString();
        for (int i = 0; i < digits.length(); i++) {
            int pos = i + 1; // nibble index of the i-th digit from the right
            long d = digits.charAt(digits.length() - 1 - i) - '0';
            if (pos >= 16) {
                out.hi |= d << (4 * (pos - 16));
            } else {
                out.lo |= d << (4 * pos);
            }
        }
        Vr.setVr(s, vt(w), out);
        // a zero from operands of one sign also reports that sign (QEMU's reading of the ISA's
        // "-0"/"+0" results); an exact cancellation reports EQ alone
        int cr = mag.signum() != 0 ? (neg ? 8 : 4) : sameSign ? 2 | (neg ? 8 : 4) : 2;
        s.regs[crField(6)] = cr | (overflow ? 1 : 0);
    }
}
