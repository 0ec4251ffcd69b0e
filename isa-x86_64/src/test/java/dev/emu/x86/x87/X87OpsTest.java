package dev.emu.x86.x87;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.mem.AddressSpace;
import dev.emu.x86.X86Registers;
import dev.emu.x86.x87.F80.Env;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 80-bit arithmetic and the x87 operations that the differential campaigns cannot pin
 * down exactly: results whose correct rounding was checked with exact rational arithmetic
 * (a 24-bit quotient qemu gets wrong), the constants under each rounding mode, and the
 * transcendental instructions against correctly rounded values of sqrt(2)-1, sin 1, cos 1,
 * log2 10, pi/4 and tan 0.5 (computed from 60-digit decimal expansions).
 */
class X87OpsTest {
    CpuState s;
    long[] r;

    @BeforeEach
    void setUp() {
        s = new CpuState(X86Registers.FILE, new AddressSpace(64));
        r = s.regs;
        FpuImages.init(r);
    }

    private void push(int se, long m) {
        X87Ops.fld(s, m, se, X87Ops.FP80);
    }

    private void pushDouble(double d) {
        X87Ops.fld(s, Double.doubleToRawLongBits(d), 0, X87Ops.FP64);
    }

    private long[] st0() {
        return new long[] {X87Ops.se(r, 0), X87Ops.m(r, 0)};
    }

    private void setRc(int rc) {
        r[X86Registers.FCW] = (r[X86Registers.FCW] & ~0xC00) | rc << 10;
    }

    @Test
    void aSingleRoundedQuotientWhereQemuDoubleRounds() {
        // 0x22f3b40a0eff250c (a double) / 0x3ed5:f77dbf1ecbbf02ac, 24-bit precision, round up
        Env e = new Env(F80.RC_UP, 24);
        F80.fromIeee(0x22f3b40a0eff250cL, 52, 11, e);
        F80.div(e.se, e.m, 0x3ed5, 0xf77dbf1ecbbf02acL, e);
        assertThat(e.m).isEqualTo(0xa30ba3L << 40);
        assertThat(e.flags & F80.PE).isNotZero();
        assertThat(e.roundedUp).isTrue();
    }

    @Test
    void FLDPI_roundsWithTheRoundingControl() {
        X87Ops.fldConst(s, 3);
        assertThat(st0()).containsExactly(0x4000, 0xC90FDAA22168C235L);
        setRc(F80.RC_ZERO);
        X87Ops.fldConst(s, 3);
        assertThat(st0()).containsExactly(0x4000, 0xC90FDAA22168C234L);
        X87Ops.fldConst(s, 2); // log2 e
        assertThat(st0()).containsExactly(0x3FFF, 0xB8AA3B295C17F0BBL);
        setRc(F80.RC_NEAREST);
        X87Ops.fldConst(s, 2);
        assertThat(st0()).containsExactly(0x3FFF, 0xB8AA3B295C17F0BCL);
    }

    @Test
    void F2XM1_ofOneHalf() {
        pushDouble(0.5);
        X87Transcendental.exec(s, 0xF0);
        assertThat(st0()).containsExactly(0x3FFD, 0xd413cccfe7799211L);
        assertThat(r[X86Registers.FSW] & F80.PE).isNotZero();
    }

    @Test
    void FSIN_FCOS_FSINCOS_FPTAN() {
        pushDouble(1.0);
        X87Transcendental.exec(s, 0xFE);
        assertThat(st0()).containsExactly(0x3FFE, 0xd76aa47848677021L);
        pushDouble(1.0);
        X87Transcendental.exec(s, 0xFF);
        assertThat(st0()).containsExactly(0x3FFE, 0x8a51407da8345c92L);
        pushDouble(1.0);
        X87Transcendental.exec(s, 0xFB); // FSINCOS: ST0 = cos, ST1 = sin
        assertThat(st0()).containsExactly(0x3FFE, 0x8a51407da8345c92L);
        assertThat(X87Ops.m(r, 1)).isEqualTo(0xd76aa47848677021L);
        pushDouble(0.5);
        X87Transcendental.exec(s, 0xF2); // FPTAN: ST0 = 1.0, ST1 = tan
        assertThat(st0()).containsExactly(0x3FFF, 0x8000_0000_0000_0000L);
        assertThat(X87Ops.m(r, 1)).isEqualTo(0x8bda7adf9a3a5219L);
        assertThat(r[X86Registers.FSW] & (1 << 10)).as("C2: in range").isZero();
        pushDouble(0x1p64);
        X87Transcendental.exec(s, 0xFE);
        assertThat(r[X86Registers.FSW] & (1 << 10)).as("C2: out of range").isNotZero();
    }

    @Test
    void FYL2X_andFPATAN() {
        pushDouble(1.0); // y
        pushDouble(10.0); // x
        X87Transcendental.exec(s, 0xF1);
        assertThat(st0()).containsExactly(0x4000, 0xd49a784bcd1b8afeL);
        pushDouble(1.0); // y
        pushDouble(1.0); // x
        X87Transcendental.exec(s, 0xF3);
        assertThat(st0()).containsExactly(0x3FFE, 0xc90fdaa22168c235L);
        pushDouble(-1.0);
        pushDouble(-0.0);
        X87Transcendental.exec(s, 0xF3); // atan2(-1, -0) = -pi/2
        assertThat(st0()).containsExactly(0xBFFF, 0xc90fdaa22168c235L);
    }

    @Test
    void hugeExponentsStayFastAndExact() {
        push(16383 + 16000, 0x8000_0000_0000_0000L); // y = 2^16000
        pushDouble(2.0); // x
        X87Transcendental.exec(s, 0xF1); // y * log2 2 = y
        assertThat(st0()).containsExactly(16383 + 16000, 0x8000_0000_0000_0000L);
        push(16383 + 16000, 0xC000_0000_0000_0000L); // 2^x - 1 of x = 1.5 * 2^16000: overflow
        X87Transcendental.exec(s, 0xF0);
        assertThat(st0()).containsExactly(0x7FFF, 0x8000_0000_0000_0000L);
        assertThat(r[X86Registers.FSW] & F80.OE).isNotZero();
        push(0x8000 | (16383 + 16000), 0xC000_0000_0000_0000L); // x = -1.5 * 2^16000: -1
        X87Transcendental.exec(s, 0xF0);
        assertThat(st0()).containsExactly(0xBFFF, 0x8000_0000_0000_0000L);
    }

    @Test
    void FYL2X_ofZeroIsZeroDivide() {
        pushDouble(2.0);
        pushDouble(0.0);
        X87Transcendental.exec(s, 0xF1);
        assertThat(st0()).containsExactly(0xFFFF, 0x8000_0000_0000_0000L); // -inf
        assertThat(r[X86Registers.FSW] & F80.ZE).isNotZero();
    }

    @Test
    void stackOverflowPushesTheIndefiniteAndSetsC1() {
        for (int i = 0; i < 9; i++) {
            X87Ops.fldConst(s, 0);
        }
        assertThat(st0()).containsExactly(0xFFFF, 0xC000_0000_0000_0000L);
        assertThat(r[X86Registers.FSW] & 0x241).isEqualTo(0x241); // C1, SF, IE
    }

    @Test
    void unmaskedInvalidLeavesTheStackAndSetsEsAndB() {
        r[X86Registers.FCW] = 0x037E; // IM clear
        pushDouble(-1.0);
        X87Ops.unary(s, 0); // fsqrt(-1)
        assertThat(st0()).containsExactly(0xBFFF, 0x8000_0000_0000_0000L);
        assertThat(r[X86Registers.FSW] & 0x8081).isEqualTo(0x8081);
    }

    @Test
    void fnsaveFrstorRoundTrip() {
        AddressSpace m = s.mem;
        m.map(0x10000, 0x1000, dev.emu.core.mem.Prot.RW);
        pushDouble(3.0);
        pushDouble(-7.5);
        long[] before = r.clone();
        X87Memory.fnsave(s, 0x10000);
        assertThat(r[X86Registers.FTW]).isZero();
        X87Memory.frstor(s, 0x10000);
        assertThat(X87Ops.m(r, 0)).isEqualTo(X87Ops.m(before, 0));
        assertThat(X87Ops.se(r, 1)).isEqualTo(X87Ops.se(before, 1));
        assertThat(r[X86Registers.FTW]).isEqualTo(before[X86Registers.FTW]);
        assertThat(X87Memory.fxsave(s, 0x10008)).as("misaligned: #GP").isEqualTo(1);
    }
}
