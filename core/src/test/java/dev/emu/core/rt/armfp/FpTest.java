package dev.emu.core.rt.armfp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.cpu.RegisterFile;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The exact path against Java's round-to-nearest-even arithmetic, and the fast path against
 * the exact path (results and FPSR flags), over seeded random operands that include
 * subnormals, huge and tiny values, zeros, infinities and NaNs.
 */
class FpTest {
    /** A register file with AArch64's separate control and status registers. */
    private static final int FPCR, FPSR;
    private static final RegisterFile FILE;

    static {
        RegisterFile.Builder b = RegisterFile.builder();
        b.pc("pc", 64);
        FPCR = b.add("fpcr", 32);
        FPSR = b.add("fpsr", 32);
        FILE = b.fpControlStatus(FPCR, FPSR).build();
    }

    private static CpuState cpu(long fpcr) {
        CpuState s = new CpuState(FILE, null);
        s.regs[FPCR] = fpcr;
        return s;
    }

    private static long randomDouble(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> r.nextLong(); // any pattern: NaNs, subnormals, extremes
            case 1 -> Double.doubleToRawLongBits((r.nextBoolean() ? 1 : -1) * r.nextInt(1000));
            case 2 -> r.nextLong() & 0x800F_FFFF_FFFF_FFFFL; // subnormal
            case 3 -> Double.doubleToRawLongBits(r.nextDouble() * 0x1p-1000);
            default -> Double.doubleToRawLongBits(r.nextGaussian() * Math.pow(2, r.nextInt(40) - 20));
        };
    }

    private static long randomFloat(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> r.nextInt() & 0xFFFF_FFFFL;
            case 1 -> r.nextInt() & 0x807F_FFFFL;
            default -> Float.floatToRawIntBits((float) (r.nextGaussian() * Math.pow(2, r.nextInt(40) - 20))) & 0xFFFF_FFFFL;
        };
    }

    private static double d(long x) {
        return Double.longBitsToDouble(x);
    }

    private static float f(long x) {
        return Float.intBitsToFloat((int) x);
    }

    private static void sameValue(long got, double want) {
        if (Double.isNaN(want)) {
            assertThat(Double.isNaN(d(got))).isTrue();
        } else {
            assertThat(got).as("%s", want).isEqualTo(Double.doubleToRawLongBits(want));
        }
    }

    private static void sameValueF(long got, float want) {
        if (Float.isNaN(want)) {
            assertThat(Float.isNaN(f(got))).isTrue();
        } else {
            assertThat(got).as("%s", want).isEqualTo(Float.floatToRawIntBits(want) & 0xFFFF_FFFFL);
        }
    }

    @Test
    void exactPathMatchesJavaDoubles() {
        Random r = new Random(1);
        CpuState s = cpu(0);
        for (int i = 0; i < 20_000; i++) {
            long a = randomDouble(r), b = randomDouble(r), c = randomDouble(r);
            sameValue(Fp.add(s, a, b, Fp.D), d(a) + d(b));
            sameValue(Fp.sub(s, a, b, Fp.D), d(a) - d(b));
            sameValue(Fp.mul(s, a, b, Fp.D), d(a) * d(b));
            sameValue(Fp.div(s, a, b, Fp.D), d(a) / d(b));
            sameValue(Fp.sqrt(s, a, Fp.D), Math.sqrt(d(a)));
            sameValue(Fp.mulAdd(s, c, a, b, Fp.D), Math.fma(d(a), d(b), d(c)));
        }
    }

    @Test
    void exactPathMatchesJavaFloats() {
        Random r = new Random(2);
        CpuState s = cpu(0);
        for (int i = 0; i < 20_000; i++) {
            long a = randomFloat(r), b = randomFloat(r), c = randomFloat(r);
            sameValueF(Fp.add(s, a, b, Fp.S), f(a) + f(b));
            sameValueF(Fp.mul(s, a, b, Fp.S), f(a) * f(b));
            sameValueF(Fp.div(s, a, b, Fp.S), f(a) / f(b));
            sameValueF(Fp.sqrt(s, a, Fp.S), (float) Math.sqrt(f(a)));
            sameValueF(Fp.mulAdd(s, c, a, b, Fp.S), Math.fma(f(a), f(b), f(c)));
        }
    }

    @Test
    void fastPathMatchesExactPathWithFlags() {
        Random r = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            for (int fmt : new int[] {Fp.S, Fp.D}) {
                long a = fmt == Fp.D ? randomDouble(r) : randomFloat(r);
                long b = fmt == Fp.D ? randomDouble(r) : randomFloat(r);
                for (int op = 0; op < 5; op++) {
                    CpuState fast = cpu(0), exact = cpu(0);
                    long x = switch (op) {
                        case 0 -> FpFast.add(fast, a, b, fmt);
                        case 1 -> FpFast.sub(fast, a, b, fmt);
                        case 2 -> FpFast.mul(fast, a, b, fmt);
                        case 3 -> FpFast.div(fast, a, b, fmt);
                        default -> FpFast.sqrt(fast, a, fmt);
                    };
                    long y = switch (op) {
                        case 0 -> Fp.add(exact, a, b, fmt);
                        case 1 -> Fp.sub(exact, a, b, fmt);
                        case 2 -> Fp.mul(exact, a, b, fmt);
                        case 3 -> Fp.div(exact, a, b, fmt);
                        default -> Fp.sqrt(exact, a, fmt);
                    };
                    assertThat(x).as("op %d fmt %d %x %x", op, fmt, a, b).isEqualTo(y);
                    assertThat(fast.regs[FPSR]).as("flags of op %d fmt %d %x %x", op, fmt, a, b)
                            .isEqualTo(exact.regs[FPSR]);
                }
            }
        }
    }

    @Test
    void fastFmaConversionsAndComparesMatchExactPath() {
        Random r = new Random(6);
        int[] modes = {Fp.RN, Fp.RP, Fp.RM, Fp.RZ, Fp.RA};
        for (int i = 0; i < 40_000; i++) {
            for (int fmt : new int[] {Fp.S, Fp.D}) {
                long a = fmt == Fp.D ? randomDouble(r) : randomFloat(r);
                long b = fmt == Fp.D ? randomDouble(r) : randomFloat(r);
                long c = fmt == Fp.D ? randomDouble(r) : randomFloat(r);
                if (i % 4 == 0) {
                    // near-cancelling addend: -(a * b) rounded, so the exact error decides
                    c = fmt == Fp.D ? Double.doubleToRawLongBits(-(d(a) * d(b)))
                            : Float.floatToRawIntBits(-(f(a) * f(b))) & 0xFFFF_FFFFL;
                }
                CpuState fast = cpu(0), exact = cpu(0);
                assertThat(FpFast.mulAdd(fast, c, a, b, fmt)).as("fma %x %x %x", a, b, c)
                        .isEqualTo(Fp.mulAdd(exact, c, a, b, fmt));
                assertThat(FpFast.compare(fast, a, b, fmt, false)).isEqualTo(Fp.compare(exact, a, b, fmt, false));
                int fbits = r.nextInt(4) == 0 ? r.nextInt(33) : 0;
                int mode = modes[r.nextInt(modes.length)];
                boolean unsigned = r.nextBoolean();
                int bits = r.nextBoolean() ? 32 : 64;
                long scaled = fmt == Fp.D ? Double.doubleToRawLongBits(d(a) * (1 << r.nextInt(20)))
                        : Float.floatToRawIntBits(f(a) * (1 << r.nextInt(20))) & 0xFFFF_FFFFL;
                assertThat(FpFast.toFixed(fast, scaled, fmt, fbits, unsigned, bits, mode))
                        .as("toFixed %x fbits %d mode %d", scaled, fbits, mode)
                        .isEqualTo(FpConvert.toFixed(exact, scaled, fmt, fbits, unsigned, bits, mode));
                assertThat(fast.regs[FPSR]).as("flags %x %x %x", a, b, c)
                        .isEqualTo(exact.regs[FPSR]);
            }
        }
    }

    @Test
    void fastFmaWithAZeroAddendOrFactorMatchesExactPath() {
        Random r = new Random(16);
        long[] zeros = {0, Long.MIN_VALUE};
        for (int i = 0; i < 20_000; i++) {
            long a = randomDouble(r), b = randomDouble(r), c = randomDouble(r);
            long zero = zeros[r.nextInt(2)];
            switch (i % 3) {
                case 0 -> c = zero;
                case 1 -> a = zero;
                default -> b = zero;
            }
            CpuState fast = cpu(0), exact = cpu(0);
            assertThat(FpFast.mulAdd(fast, c, a, b, Fp.D)).as("fma %x %x %x", a, b, c)
                    .isEqualTo(Fp.mulAdd(exact, c, a, b, Fp.D));
            assertThat(fast.regs[FPSR]).as("flags %x %x %x", a, b, c).isEqualTo(exact.regs[FPSR]);
        }
    }

    @Test
    void fastMinMaxRoundingConversionsMatchExactPath() {
        Random r = new Random(7);
        int[] modes = {Fp.RN, Fp.RP, Fp.RM, Fp.RZ, Fp.RA};
        for (int i = 0; i < 40_000; i++) {
            for (int fmt : new int[] {Fp.S, Fp.D}) {
                long a = fmt == Fp.D ? randomDouble(r) : randomFloat(r);
                long b = r.nextInt(8) == 0 ? a ^ (fmt == Fp.D ? Long.MIN_VALUE : 0x8000_0000L)
                        : fmt == Fp.D ? randomDouble(r) : randomFloat(r);
                if (r.nextInt(8) == 0) {
                    a = fmt == Fp.D ? Double.doubleToRawLongBits(r.nextInt(20) / 4.0 - 2.5)
                            : Float.floatToRawIntBits(r.nextInt(20) / 4f - 2.5f) & 0xFFFF_FFFFL;
                }
                CpuState fast = cpu(0), exact = cpu(0);
                boolean max = r.nextBoolean(), num = r.nextBoolean();
                assertThat(FpFast.minMax(fast, a, b, fmt, max, num)).isEqualTo(Fp.minMax(exact, a, b, fmt, max, num));
                int mode = modes[r.nextInt(modes.length)];
                boolean x = r.nextBoolean();
                assertThat(FpFast.roundInt(fast, a, fmt, mode, x)).as("frint %x %d", a, mode)
                        .isEqualTo(FpConvert.roundInt(exact, a, fmt, mode, x));
                int to = fmt == Fp.D ? Fp.S : Fp.D;
                assertThat(FpFast.convert(fast, a, fmt, to)).as("fcvt %x", a).isEqualTo(FpConvert.convert(exact, a, fmt, to));
                long v = r.nextBoolean() ? r.nextLong() : r.nextLong() >> r.nextInt(64);
                int bits = r.nextBoolean() ? 32 : 64;
                boolean unsigned = r.nextBoolean();
                assertThat(FpFast.fromInt(fast, v, bits, unsigned, 0, fmt)).as("cvtf %x", v)
                        .isEqualTo(FpConvert.fromFixed(exact, v, bits, unsigned, 0, fmt, Fp.RN));
                assertThat(fast.regs[FPSR]).as("flags %x %x", a, b).isEqualTo(exact.regs[FPSR]);
            }
        }
    }

    @Test
    void directedRoundingBracketsTheNearestResult() {
        Random r = new Random(4);
        for (int i = 0; i < 5_000; i++) {
            long a = randomDouble(r), b = randomDouble(r);
            long up = Fp.div(cpu(1L << 22), a, b, Fp.D);
            long down = Fp.div(cpu(2L << 22), a, b, Fp.D);
            long zero = Fp.div(cpu(3L << 22), a, b, Fp.D);
            double q = d(a) / d(b);
            if (Double.isNaN(q) || Double.isInfinite(q)) {
                continue;
            }
            assertThat(d(up)).isGreaterThanOrEqualTo(q);
            assertThat(d(down)).isLessThanOrEqualTo(q);
            assertThat(Math.abs(d(zero))).isLessThanOrEqualTo(Math.abs(q));
            if (d(up) != q || d(down) != q) {
                assertThat(Math.nextUp(d(down))).isEqualTo(d(up) == 0 ? Math.nextUp(d(down)) : d(up));
            }
        }
    }
}
