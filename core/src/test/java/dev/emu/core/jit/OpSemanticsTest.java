package dev.emu.core.jit;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.RandomBlocks;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every op group with exact expected values, on both tiers: each expression runs once with
 * its inputs as IR constants (which the JIT folds into its bytecode) and once read from
 * registers, under the interpreter and the JIT, and all four must agree.
 */
class OpSemanticsTest {
    static final int MIN32 = Integer.MIN_VALUE;
    static final long MIN64 = Long.MIN_VALUE;

    /** f's operand k is input k, of type types[k]. */
    static long eval(Type[] types, BiFunction<IrBuilder, Value[], Value> f, long... inputs) {
        Long seen = null;
        for (boolean fromRegs : new boolean[] {false, true}) {
            IrBuilder b = new IrBuilder();
            b.insnStart(0x1000);
            Value[] v = new Value[inputs.length];
            for (int k = 0; k < inputs.length; k++) {
                v[k] = fromRegs ? b.getReg(types[k], k + 1) : b.konst(types[k], inputs[k]);
            }
            Value r = f.apply(b, v);
            b.setReg(0, r);
            b.exit(0x1004);
            Block block = b.build(0x1000, 0x1004, 0);
            CpuState s = new CpuState(RandomBlocks.REGISTERS, null);
            for (int k = 0; k < inputs.length; k++) {
                s.regs[k + 1] = inputs[k];
            }
            long got = Tiers.both(block, s).regs()[0];
            if (seen != null) {
                assertThat(got).as("constants vs registers").isEqualTo(seen);
            }
            seen = got;
        }
        return seen;
    }

    static Type[] types(Type t, int n) {
        Type[] a = new Type[n];
        java.util.Arrays.fill(a, t);
        return a;
    }

    static int i32(BiFunction<IrBuilder, Value[], Value> f, long... in) {
        long r = eval(types(Type.I32, in.length), f, in);
        assertThat(r >>> 32).as("I32 result zero-extended into the slot").isZero();
        return (int) r;
    }

    static long i64(BiFunction<IrBuilder, Value[], Value> f, long... in) {
        return eval(types(Type.I64, in.length), f, in);
    }

    static long from32(BiFunction<IrBuilder, Value[], Value> f, long in) {
        return eval(new Type[] {Type.I32}, f, in);
    }

    static long from64(BiFunction<IrBuilder, Value[], Value> f, long in) {
        return eval(new Type[] {Type.I64}, f, in);
    }

    @Nested
    class Arithmetic {
        @Test
        void wraps() {
            assertThat(i32((b, v) -> b.add(v[0], v[1]), Integer.MAX_VALUE, 1)).isEqualTo(MIN32);
            assertThat(i64((b, v) -> b.add(v[0], v[1]), Long.MAX_VALUE, 1)).isEqualTo(MIN64);
            assertThat(i32((b, v) -> b.sub(v[0], v[1]), 0, 1)).isEqualTo(-1);
            assertThat(i64((b, v) -> b.sub(v[0], v[1]), MIN64, 1)).isEqualTo(Long.MAX_VALUE);
            assertThat(i32((b, v) -> b.mul(v[0], v[1]), 0x10000, 0x10000)).isZero();
            assertThat(i64((b, v) -> b.mul(v[0], v[1]), 0x1_0000_0000L, 0x1_0000_0001L)).isEqualTo(0x1_0000_0000L);
        }

        @Test
        void logic() {
            assertThat(i32((b, v) -> b.and(v[0], v[1]), 0xF0F0, 0xFF00)).isEqualTo(0xF000);
            assertThat(i64((b, v) -> b.or(v[0], v[1]), 0xF0L << 40, 0x0F)).isEqualTo(0xF0L << 40 | 0x0F);
            assertThat(i32((b, v) -> b.xor(v[0], v[1]), -1, 0x0F)).isEqualTo(0xFFFF_FFF0);
            assertThat(i32((b, v) -> b.not(v[0]), 0)).isEqualTo(-1);
            assertThat(i64((b, v) -> b.not(v[0]), 0)).isEqualTo(-1L);
            assertThat(i32((b, v) -> b.neg(v[0]), MIN32)).isEqualTo(MIN32);
            assertThat(i64((b, v) -> b.neg(v[0]), 5)).isEqualTo(-5L);
        }

        @Test
        void shiftsTakeTheAmountModuloTheWidth() {
            assertThat(i32((b, v) -> b.shl(v[0], v[1]), 1, 31)).isEqualTo(MIN32);
            assertThat(i32((b, v) -> b.shl(v[0], v[1]), 1, 32)).isEqualTo(1);
            assertThat(i32((b, v) -> b.shl(v[0], v[1]), 1, 33)).isEqualTo(2);
            assertThat(i32((b, v) -> b.shr(v[0], v[1]), MIN32, 31)).isEqualTo(1);
            assertThat(i32((b, v) -> b.shr(v[0], v[1]), MIN32, 32)).isEqualTo(MIN32);
            assertThat(i32((b, v) -> b.sar(v[0], v[1]), MIN32, 31)).isEqualTo(-1);
            assertThat(i32((b, v) -> b.sar(v[0], v[1]), MIN32, -1)).isEqualTo(-1);
            assertThat(i64((b, v) -> b.shl(v[0], v[1]), 1, 63)).isEqualTo(MIN64);
            assertThat(i64((b, v) -> b.shl(v[0], v[1]), 1, 64)).isEqualTo(1L);
            assertThat(i64((b, v) -> b.shl(v[0], v[1]), 1, 0x1_0000_0001L)).isEqualTo(2L);
            assertThat(i64((b, v) -> b.shr(v[0], v[1]), MIN64, 63)).isEqualTo(1L);
            assertThat(i64((b, v) -> b.shr(v[0], v[1]), MIN64, 64)).isEqualTo(MIN64);
            assertThat(i64((b, v) -> b.sar(v[0], v[1]), MIN64, 65)).isEqualTo(0xC000_0000_0000_0000L);
        }

        @Test
        void rotates() {
            assertThat(i32((b, v) -> b.rotl(v[0], v[1]), 0x8000_0001L, 1)).isEqualTo(3);
            assertThat(i32((b, v) -> b.rotr(v[0], v[1]), 3, 1)).isEqualTo(0x8000_0001);
            assertThat(i32((b, v) -> b.rotl(v[0], v[1]), 0x1234_5678, 32)).isEqualTo(0x1234_5678);
            assertThat(i64((b, v) -> b.rotl(v[0], v[1]), MIN64 | 1, 1)).isEqualTo(3L);
            assertThat(i64((b, v) -> b.rotr(v[0], v[1]), 1, 64 + 4)).isEqualTo(0x1000_0000_0000_0000L);
        }

        @Test
        void multiplyHigh() {
            assertThat(i32((b, v) -> b.mulhs(v[0], v[1]), -1, -1)).isZero();
            assertThat(i32((b, v) -> b.mulhu(v[0], v[1]), -1, -1)).isEqualTo(0xFFFF_FFFE);
            assertThat(i32((b, v) -> b.mulhs(v[0], v[1]), MIN32, 2)).isEqualTo(-1);
            assertThat(i64((b, v) -> b.mulhs(v[0], v[1]), -1, -1)).isZero();
            assertThat(i64((b, v) -> b.mulhu(v[0], v[1]), -1, -1)).isEqualTo(-2L);
            assertThat(i64((b, v) -> b.mulhu(v[0], v[1]), MIN64, 4)).isEqualTo(2L);
        }

        @Test
        void divisionEdges() {
            assertThat(i32((b, v) -> b.divs(v[0], v[1]), MIN32, -1)).isEqualTo(MIN32);
            assertThat(i32((b, v) -> b.divs(v[0], v[1]), 7, 0)).isZero();
            assertThat(i32((b, v) -> b.divs(v[0], v[1]), -7, 2)).isEqualTo(-3);
            assertThat(i32((b, v) -> b.rems(v[0], v[1]), -7, 2)).isEqualTo(-1);
            assertThat(i32((b, v) -> b.rems(v[0], v[1]), -7, 0)).isEqualTo(-7);
            assertThat(i32((b, v) -> b.rems(v[0], v[1]), MIN32, -1)).isZero();
            assertThat(i32((b, v) -> b.divu(v[0], v[1]), -1, 2)).isEqualTo(0x7FFF_FFFF);
            assertThat(i32((b, v) -> b.divu(v[0], v[1]), -1, 0)).isZero();
            assertThat(i32((b, v) -> b.remu(v[0], v[1]), -1, 10)).isEqualTo(5);
            assertThat(i32((b, v) -> b.remu(v[0], v[1]), -1, 0)).isEqualTo(-1);
            assertThat(i64((b, v) -> b.divs(v[0], v[1]), MIN64, -1)).isEqualTo(MIN64);
            assertThat(i64((b, v) -> b.divs(v[0], v[1]), 7, 0)).isZero();
            assertThat(i64((b, v) -> b.rems(v[0], v[1]), MIN64, -1)).isZero();
            assertThat(i64((b, v) -> b.rems(v[0], v[1]), 9, 0)).isEqualTo(9L);
            assertThat(i64((b, v) -> b.divu(v[0], v[1]), -1, 2)).isEqualTo(Long.MAX_VALUE);
            assertThat(i64((b, v) -> b.remu(v[0], v[1]), -1, 0)).isEqualTo(-1L);
            assertThat(i64((b, v) -> b.remu(v[0], v[1]), -1, 10)).isEqualTo(5L);
        }
    }

    @Nested
    class Bits {
        @Test
        void countsOfZeroAreTheWidth() {
            assertThat(i32((b, v) -> b.clz(v[0]), 0)).isEqualTo(32);
            assertThat(i32((b, v) -> b.ctz(v[0]), 0)).isEqualTo(32);
            assertThat(i64((b, v) -> b.clz(v[0]), 0)).isEqualTo(64L);
            assertThat(i64((b, v) -> b.ctz(v[0]), 0)).isEqualTo(64L);
            assertThat(i32((b, v) -> b.clz(v[0]), 1)).isEqualTo(31);
            assertThat(i64((b, v) -> b.clz(v[0]), 1)).isEqualTo(63L);
            assertThat(i64((b, v) -> b.ctz(v[0]), MIN64)).isEqualTo(63L);
            assertThat(i32((b, v) -> b.popcnt(v[0]), -1)).isEqualTo(32);
            assertThat(i64((b, v) -> b.popcnt(v[0]), -1)).isEqualTo(64L);
        }

        @Test
        void byteSwap() {
            assertThat(i32((b, v) -> b.bswap(v[0]), 0x1122_3344)).isEqualTo(0x4433_2211);
            assertThat(i64((b, v) -> b.bswap(v[0]), 0x1122_3344_5566_7788L)).isEqualTo(0x8877_6655_4433_2211L);
        }

        @Test
        void signExtensionOfEachWidth() {
            assertThat(from32((b, v) -> b.sext(v[0], 8, Type.I32), 0x180)).isEqualTo(0xFFFF_FF80L);
            assertThat(from32((b, v) -> b.sext(v[0], 16, Type.I32), 0x1_8000)).isEqualTo(0xFFFF_8000L);
            assertThat(from32((b, v) -> b.sext(v[0], 8, Type.I64), 0x7F)).isEqualTo(0x7FL);
            assertThat(from32((b, v) -> b.sext(v[0], 16, Type.I64), 0x8000)).isEqualTo(0xFFFF_FFFF_FFFF_8000L);
            assertThat(from32((b, v) -> b.sext(v[0], 32, Type.I64), 0x8000_0000L)).isEqualTo(0xFFFF_FFFF_8000_0000L);
            assertThat(from64((b, v) -> b.sext(v[0], 8, Type.I64), 0x1234_5680L)).isEqualTo(-128L);
            assertThat(from64((b, v) -> b.sext(v[0], 16, Type.I32), 0x1_FFFFL)).isEqualTo(0xFFFF_FFFFL);
            assertThat(from64((b, v) -> b.sext(v[0], 32, Type.I64), 0x1_8000_0000L)).isEqualTo(0xFFFF_FFFF_8000_0000L);
            assertThat(from64((b, v) -> b.sext(v[0], 32, Type.I32), 0x1_8000_0000L)).isEqualTo(0x8000_0000L);
        }

        @Test
        void zeroExtensionOfEachWidth() {
            assertThat(from32((b, v) -> b.zext(v[0], 8, Type.I32), -1)).isEqualTo(0xFFL);
            assertThat(from32((b, v) -> b.zext(v[0], 16, Type.I64), -1)).isEqualTo(0xFFFFL);
            assertThat(from32((b, v) -> b.zext(v[0], 32, Type.I64), -1)).isEqualTo(0xFFFF_FFFFL);
            assertThat(from64((b, v) -> b.zext(v[0], 8, Type.I64), -1)).isEqualTo(0xFFL);
            assertThat(from64((b, v) -> b.zext(v[0], 16, Type.I32), -1)).isEqualTo(0xFFFFL);
            assertThat(from64((b, v) -> b.zext(v[0], 32, Type.I64), -1)).isEqualTo(0xFFFF_FFFFL);
            assertThat(from64((b, v) -> b.zext(v[0], 32, Type.I32), 0x1_2345_6789L)).isEqualTo(0x2345_6789L);
        }
    }

    @Nested
    class Compares {
        @Test
        void signedAndUnsigned() {
            assertThat(i32((b, v) -> b.cmpLtu(v[0], v[1]), -1, 0)).isZero();
            assertThat(i32((b, v) -> b.cmpLtu(v[0], v[1]), 0, -1)).isEqualTo(1);
            assertThat(i32((b, v) -> b.cmpLts(v[0], v[1]), -1, 0)).isEqualTo(1);
            assertThat(i32((b, v) -> b.cmpLeu(v[0], v[1]), 5, 5)).isEqualTo(1);
            assertThat(i32((b, v) -> b.cmpLes(v[0], v[1]), MIN32, Integer.MAX_VALUE)).isEqualTo(1);
            assertThat(i32((b, v) -> b.cmpEq(v[0], v[1]), 3, 3)).isEqualTo(1);
            assertThat(i32((b, v) -> b.cmpNe(v[0], v[1]), 3, 3)).isZero();
            assertThat(eval(types(Type.I64, 2), (b, v) -> b.cmpLtu(v[0], v[1]), MIN64, 1)).isZero();
            assertThat(eval(types(Type.I64, 2), (b, v) -> b.cmpLts(v[0], v[1]), MIN64, 1)).isEqualTo(1L);
            assertThat(eval(types(Type.I64, 2), (b, v) -> b.cmpLeu(v[0], v[1]), -1, -1)).isEqualTo(1L);
            assertThat(eval(types(Type.I64, 2), (b, v) -> b.cmpLes(v[0], v[1]), 0, -1)).isZero();
            assertThat(eval(types(Type.I64, 2), (b, v) -> b.cmpEq(v[0], v[1]), 1L << 32, 0)).isZero();
            assertThat(eval(types(Type.I64, 2), (b, v) -> b.cmpNe(v[0], v[1]), 1L << 32, 0)).isEqualTo(1L);
        }

        @Test
        void select() {
            Type[] t = {Type.I32, Type.I64, Type.I64};
            assertThat(eval(t, (b, v) -> b.select(v[0], v[1], v[2]), 1, 10, 20)).isEqualTo(10L);
            assertThat(eval(t, (b, v) -> b.select(v[0], v[1], v[2]), 0, 10, 20)).isEqualTo(20L);
            assertThat(eval(t, (b, v) -> b.select(v[0], v[1], v[2]), MIN32, 10, 20)).isEqualTo(10L);
            Type[] t32 = {Type.I32, Type.I32, Type.I32};
            assertThat(eval(t32, (b, v) -> b.select(v[0], v[1], v[2]), -1, -1, 2)).isEqualTo(0xFFFF_FFFFL);
        }
    }

    @Nested
    class FloatingPoint {
        static final int F_ONE = 0x3F80_0000;
        static final int F_INF = 0x7F80_0000;
        static final int F_NAN = 0x7FC0_0000;
        static final int F_SNAN = 0x7F80_0001;
        static final long D_ONE = 0x3FF0_0000_0000_0000L;
        static final long D_INF = 0x7FF0_0000_0000_0000L;
        static final long D_NAN = 0x7FF8_0000_0000_0000L;

        @Test
        void arithmetic() {
            assertThat(i32((b, v) -> b.fadd(v[0], v[1]), F_ONE, F_ONE)).isEqualTo(0x4000_0000);
            assertThat(i64((b, v) -> b.fmul(v[0], v[1]), D_ONE, D_INF)).isEqualTo(D_INF);
            assertThat(Float.isNaN(Float.intBitsToFloat(i32((b, v) -> b.fsub(v[0], v[1]), F_INF, F_INF)))).isTrue();
            assertThat(i32((b, v) -> b.fdiv(v[0], v[1]), F_ONE, 0)).isEqualTo(F_INF);
            assertThat(i64((b, v) -> b.fdiv(v[0], v[1]), D_ONE, MIN64)).isEqualTo(D_INF | MIN64);
            assertThat(Double.isNaN(Double.longBitsToDouble(i64((b, v) -> b.fsqrt(v[0]), D_ONE | MIN64)))).isTrue();
            assertThat(i32((b, v) -> b.fsqrt(v[0]), 0x4080_0000)).isEqualTo(0x4000_0000);
            // fused: (1 + 2^-12)^2 - 1 keeps the 2^-24 a separate multiply would round away
            int x = Float.floatToRawIntBits(1 + 0x1p-12f);
            int m1 = Float.floatToRawIntBits(-1f);
            assertThat(Float.intBitsToFloat(i32((b, v) -> b.fma(v[0], v[1], v[2]), x, x, m1)))
                    .isEqualTo(0x1p-11f + 0x1p-24f);
        }

        @Test
        void comparesAreOrdered() {
            assertThat(i32((b, v) -> b.fcmpEq(v[0], v[1]), F_NAN, F_NAN)).isZero();
            assertThat(i32((b, v) -> b.fcmpLt(v[0], v[1]), F_NAN, F_ONE)).isZero();
            assertThat(i32((b, v) -> b.fcmpLe(v[0], v[1]), F_ONE, F_NAN)).isZero();
            assertThat(i32((b, v) -> b.fcmpUn(v[0], v[1]), F_ONE, F_SNAN)).isEqualTo(1);
            assertThat(i32((b, v) -> b.fcmpEq(v[0], v[1]), 0x8000_0000L, 0)).isEqualTo(1);
            assertThat(i32((b, v) -> b.fcmpLt(v[0], v[1]), F_ONE, F_INF)).isEqualTo(1);
            assertThat(eval(types(Type.I64, 2), (b, v) -> b.fcmpLe(v[0], v[1]), D_ONE, D_ONE)).isEqualTo(1L);
            assertThat(eval(types(Type.I64, 2), (b, v) -> b.fcmpUn(v[0], v[1]), D_NAN, D_ONE)).isEqualTo(1L);
            assertThat(eval(types(Type.I64, 2), (b, v) -> b.fcmpEq(v[0], v[1]), D_NAN, D_NAN)).isZero();
        }

        @Test
        void floatToIntSaturates() {
            assertThat(from32((b, v) -> b.ftosi(v[0], Type.I32), F_NAN)).isZero();
            assertThat(from32((b, v) -> b.ftosi(v[0], Type.I32), Float.floatToRawIntBits(1e10f))).isEqualTo(0x7FFF_FFFFL);
            assertThat(from32((b, v) -> b.ftosi(v[0], Type.I32), Float.floatToRawIntBits(-2.9f))).isEqualTo(0xFFFF_FFFEL);
            assertThat(from64((b, v) -> b.ftosi(v[0], Type.I64), D_INF | MIN64)).isEqualTo(MIN64);
            assertThat(from64((b, v) -> b.ftosi(v[0], Type.I32), D_INF)).isEqualTo(0x7FFF_FFFFL);
            assertThat(from32((b, v) -> b.ftoui(v[0], Type.I32), Float.floatToRawIntBits(-1f))).isZero();
            assertThat(from32((b, v) -> b.ftoui(v[0], Type.I32), Float.floatToRawIntBits(1e20f))).isEqualTo(0xFFFF_FFFFL);
            assertThat(from64((b, v) -> b.ftoui(v[0], Type.I64), Double.doubleToRawLongBits(0x1p63))).isEqualTo(MIN64);
            assertThat(from64((b, v) -> b.ftoui(v[0], Type.I64), D_INF)).isEqualTo(-1L);
            assertThat(from64((b, v) -> b.ftoui(v[0], Type.I64), D_NAN)).isZero();
            assertThat(from32((b, v) -> b.ftoui(v[0], Type.I64), F_INF)).isEqualTo(-1L);
        }

        @Test
        void intToFloat() {
            assertThat(from32((b, v) -> b.sitof(v[0], Type.I32), -1)).isEqualTo(0xBF80_0000L);
            assertThat(from32((b, v) -> b.uitof(v[0], Type.I32), -1)).isEqualTo(0x4F80_0000L);
            assertThat(from32((b, v) -> b.uitof(v[0], Type.I64), -1)).isEqualTo(Double.doubleToRawLongBits(4294967295.0));
            assertThat(from64((b, v) -> b.uitof(v[0], Type.I64), -1)).isEqualTo(0x43F0_0000_0000_0000L);
            assertThat(from64((b, v) -> b.sitof(v[0], Type.I64), MIN64)).isEqualTo(0xC3E0_0000_0000_0000L);
            assertThat(from64((b, v) -> b.uitof(v[0], Type.I32), -1)).isEqualTo(0x5F80_0000L);
        }

        @Test
        void formatConversionQuietsNaNs() {
            assertThat(from32((b, v) -> b.fcvt(v[0], Type.I64), F_SNAN)).isEqualTo(0x7FF8_0000_2000_0000L);
            assertThat(from32((b, v) -> b.fcvt(v[0], Type.I64), F_ONE)).isEqualTo(D_ONE);
            assertThat(from64((b, v) -> b.fcvt(v[0], Type.I32), D_ONE)).isEqualTo(F_ONE);
            assertThat(from64((b, v) -> b.fcvt(v[0], Type.I32), 0x7FF0_0000_0000_0001L)).isEqualTo(0x7FC0_0000L);
            assertThat(from64((b, v) -> b.fcvt(v[0], Type.I32), Double.doubleToRawLongBits(1e300))).isEqualTo(F_INF);
        }
    }

    @Nested
    class Registers {
        @Test
        void i32ReadTakesTheLowHalfAndI32WriteZeroExtends() {
            assertThat(from64((b, v) -> b.add(b.getReg32(1), b.c32(1)), 0xFFFF_FFFF_FFFF_FFFFL)).isZero();
            assertThat(from64((b, v) -> b.getReg32(1), 0x1234_5678_9ABC_DEF0L)).isEqualTo(0x9ABC_DEF0L);
        }
    }
}
