package dev.emu.arm64.lift;

import static dev.emu.arm64.lift.FpSimdRunner.DATA;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimdLoadStoreTest {
    /** Memory where byte i at DATA + i holds i. */
    private static FpSimdRunner counting(int... words) {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return FpSimdRunner.withMemory(words).mem(DATA, b).x(1, DATA);
    }

    /** The little-endian long made of bytes first, first + step, ... (8 of them). */
    private static long bytes(int first, int step) {
        long r = 0;
        for (int i = 0; i < 8; i++) {
            r |= (long) ((first + i * step) & 0xFF) << (8 * i);
        }
        return r;
    }

    @Test
    void LD1_multiple() {
        FpSimdRunner r = counting(0x4c40_7020).run(); // ld1 {v0.16b}, [x1]
        assertThat(r.lo(0)).isEqualTo(bytes(0, 1));
        assertThat(r.hi(0)).isEqualTo(bytes(8, 1));
        assertThat(r.x(1)).isEqualTo(DATA);
        r = counting(0x4cdf_a020).run(); // ld1 {v0.16b, v1.16b}, [x1], #32
        assertThat(r.lo(1)).isEqualTo(bytes(16, 1));
        assertThat(r.hi(1)).isEqualTo(bytes(24, 1));
        assertThat(r.x(1)).isEqualTo(DATA + 32);
        r = counting(0x4cc2_2c22).x(2, 100).run(); // ld1 {v2.2d, v3.2d, v4.2d, v5.2d}, [x1], x2
        assertThat(r.hi(5)).isEqualTo(bytes(56, 1));
        assertThat(r.x(1)).isEqualTo(DATA + 100);
    }

    @Test
    void LDn_deinterleave() {
        FpSimdRunner r = counting(0x4c40_8420).run(); // ld2 {v0.8h, v1.8h}, [x1]
        assertThat(r.lo(0)).isEqualTo(0x0D0C_0908_0504_0100L);
        assertThat(r.hi(1)).isEqualTo(0x1F1E_1B1A_1716_1312L);
        r = counting(0x4cdf_4020).run(); // ld3 {v0.16b, v1.16b, v2.16b}, [x1], #48
        assertThat(r.lo(0)).isEqualTo(bytes(0, 3));
        assertThat(r.hi(0)).isEqualTo(bytes(24, 3));
        assertThat(r.lo(2)).isEqualTo(bytes(2, 3));
        assertThat(r.x(1)).isEqualTo(DATA + 48);
        r = counting(0x4c40_0820).run(); // ld4 {v0.4s, v1.4s, v2.4s, v3.4s}, [x1]
        assertThat(r.lo(0)).isEqualTo(0x1312_1110_0302_0100L);
        assertThat(r.hi(3)).isEqualTo(0x3F3E_3D3C_2F2E_2D2CL);
    }

    @Test
    void ST1_and_STn() {
        FpSimdRunner r = FpSimdRunner.withMemory(0x0c00_7020).x(1, DATA).v(0, 0x1122_3344_5566_7788L, 99).run(); // st1 {v0.8b}, [x1]
        assertThat(r.mem64(DATA)).isEqualTo(0x1122_3344_5566_7788L);
        assertThat(r.mem64(DATA + 8)).isZero();
        r = FpSimdRunner.withMemory(0x4c9f_6020).x(1, DATA).v(0, 1, 2).v(1, 3, 4).v(2, 5, 6).run(); // st1 {v0.16b, v1.16b, v2.16b}, [x1], #48
        assertThat(r.mem64(DATA + 40)).isEqualTo(6);
        assertThat(r.x(1)).isEqualTo(DATA + 48);
        r = FpSimdRunner.withMemory(0x4c00_8820).x(1, DATA).v(0, 0xA1L << 32 | 0xA0, 0xA3L << 32 | 0xA2)
                .v(1, 0xB1L << 32 | 0xB0, 0xB3L << 32 | 0xB2).run(); // st2 {v0.4s, v1.4s}, [x1]
        assertThat(r.mem64(DATA)).isEqualTo(0xB0L << 32 | 0xA0);
        assertThat(r.mem64(DATA + 24)).isEqualTo(0xB3L << 32 | 0xA3);
        r = FpSimdRunner.withMemory(0x0c9f_0020).x(1, DATA).v(0, bytes(0, 4), 0).v(1, bytes(1, 4), 0)
                .v(2, bytes(2, 4), 0).v(3, bytes(3, 4), 0).run(); // st4 {v0.8b, v1.8b, v2.8b, v3.8b}, [x1], #32
        for (int k = 0; k < 4; k++) {
            assertThat(r.mem64(DATA + 8 * k)).isEqualTo(bytes(8 * k, 1));
        }
        assertThat(r.x(1)).isEqualTo(DATA + 32);
    }

    @Test
    void singleStructure() {
        FpSimdRunner r = counting(0x4d40_9020).v(0, -1, -1).run(); // ld1 {v0.s}[3], [x1]
        assertThat(r.lo(0)).isEqualTo(-1);
        assertThat(r.hi(0)).isEqualTo(0x0302_0100_FFFF_FFFFL);
        r = counting(0x4ddf_0420).x(1, DATA + 0x42).run(); // ld1 {v0.b}[9], [x1], #1
        assertThat(r.hi(0)).isEqualTo(0x4200);
        assertThat(r.x(1)).isEqualTo(DATA + 0x43);
        r = counting(0x4d40_c420).run(); // ld1r {v0.8h}, [x1]
        assertThat(r.lo(0)).isEqualTo(0x0100_0100_0100_0100L);
        assertThat(r.hi(0)).isEqualTo(0x0100_0100_0100_0100L);
        r = counting(0x4ddf_cc20).run(); // ld1r {v0.2d}, [x1], #8
        assertThat(r.hi(0)).isEqualTo(bytes(0, 1));
        assertThat(r.x(1)).isEqualTo(DATA + 8);
        r = counting(0x0d60_9020).v(0, 0, 0).v(1, 0, 0).run(); // ld2 {v0.s, v1.s}[1], [x1]
        assertThat(r.lo(0)).isEqualTo(0x0302_0100L << 32);
        assertThat(r.lo(1)).isEqualTo(0x0706_0504L << 32);
        r = counting(0x4d60_e020).x(1, DATA + 4).run(); // ld4r {v0.16b, v1.16b, v2.16b, v3.16b}, [x1]
        assertThat(r.hi(3)).isEqualTo(0x0707_0707_0707_0707L);
        r = FpSimdRunner.withMemory(0x4d00_8420).x(1, DATA).v(0, 1, 0xABCDL).run(); // st1 {v0.d}[1], [x1]
        assertThat(r.mem64(DATA)).isEqualTo(0xABCD);
        r = FpSimdRunner.withMemory(0x4d82_4820).x(1, DATA).x(2, 16).v(0, 0, 0x1234L << 16).run(); // st1 {v0.h}[5], [x1], x2
        assertThat(r.mem64(DATA)).isEqualTo(0x1234);
        assertThat(r.x(1)).isEqualTo(DATA + 16);
        r = FpSimdRunner.withMemory(0x4d00_3c20).x(1, DATA).v(0, 0, 0xAAL << 56).v(1, 0, 0xBBL << 56)
                .v(2, 0, 0xCCL << 56).run(); // st3 {v0.b, v1.b, v2.b}[15], [x1]
        assertThat(r.mem64(DATA)).isEqualTo(0xCCBBAA);
    }

    @Test
    void spBase() {
        FpSimdRunner r = counting(0x4c40_73e0).sp(DATA + 16).run(); // ld1 {v0.16b}, [sp]
        assertThat(r.lo(0)).isEqualTo(bytes(16, 1));
    }

    @Test
    void faultLeavesRegistersUnchanged() {
        // ld1 {v0.16b, v1.16b}, [x1], #32 with the second register's bytes past the mapping
        FpSimdRunner r = FpSimdRunner.withMemory(0x4cdf_a020).x(1, DATA + FpSimdRunner.DATA_SIZE - 16)
                .v(0, 7, 7).runExpectingFault();
        assertThat(r.lo(0)).isEqualTo(7);
        assertThat(r.x(1)).isEqualTo(DATA + FpSimdRunner.DATA_SIZE - 16);
    }
}
