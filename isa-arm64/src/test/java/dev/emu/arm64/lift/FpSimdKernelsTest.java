package dev.emu.arm64.lift;

import static dev.emu.arm64.lift.FpSimdRunner.DATA;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

/**
 * Small loops in the style of libc's string routines and of vectorised FP code: several
 * SIMD&FP instructions per block mixed with integer ones, each run in the interpreter and
 * the JIT.
 */
class FpSimdKernelsTest {
    @Test
    void strlenKernel() {
        int[] code = {
            0x4cdf_7000, // loop: ld1 {v0.16b}, [x0], #16
            0x4e20_9801, //       cmeq v1.16b, v0.16b, #0
            0x6e30_a822, //       umaxv b2, v1.16b
            0x1e26_0043, //       fmov w3, s2
            0x34ff_ff83, //       cbz w3, loop
            0x0f0c_8421, //       shrn v1.8b, v1.8h, #4
            0x9e66_0024, //       fmov x4, d1
            0xdac0_0084, //       rbit x4, x4
            0xdac0_1084, //       clz x4, x4
            0xd100_4000, //       sub x0, x0, #16
            0x8b44_0800, //       add x0, x0, x4, lsr #2
            0xcb01_0000, //       sub x0, x0, x1
        };
        for (int len : new int[] {0, 1, 15, 16, 37, 100}) {
            byte[] s = new byte[len + 1 + 64];
            for (int i = 0; i < len; i++) {
                s[i] = (byte) ('a' + i % 26);
            }
            s[len + 5] = 0x41; // bytes after the terminator do not matter
            FpSimdRunner r = FpSimdRunner.withMemory(code).mem(DATA, s).x(0, DATA).x(1, DATA).run();
            assertThat(r.x(0)).as("strlen of %d bytes", len).isEqualTo(len);
        }
    }

    @Test
    void scaledSumKernel() {
        int[] code = {
            0x4e04_0cc5, //       dup v5.4s, w6
            0x4cdf_7947, // loop: ld1 {v7.4s}, [x10], #16
            0x4e27_cca6, //       fmla v6.4s, v5.4s, v7.4s
            0xf100_0442, //       subs x2, x2, #1
            0x54ff_ffa1, //       b.ne loop
            0x6e26_d4c8, //       faddp v8.4s, v6.4s, v6.4s
            0x7e30_d909, //       faddp s9, v8.2s
        };
        int n = 40;
        ByteBuffer b = ByteBuffer.allocate(16 * n).order(ByteOrder.LITTLE_ENDIAN);
        float want = 0;
        float[] lanes = new float[4];
        for (int i = 0; i < 4 * n; i++) {
            float v = i * 0.25f - 7;
            b.putFloat(v);
            lanes[i % 4] = Math.fma(2.5f, v, lanes[i % 4]);
        }
        want = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
        FpSimdRunner r = FpSimdRunner.withMemory(code).mem(DATA, b.array()).x(10, DATA).x(2, n)
                .x(6, Float.floatToRawIntBits(2.5f)).run();
        assertThat(r.s(9)).isEqualTo(want);
        assertThat(r.x(10)).isEqualTo(DATA + 16L * n);
    }
}
