package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.ir.TrapKind;

import java.util.Random;
import java.util.function.LongBinaryOperator;

import org.junit.jupiter.api.Test;

class SimdThreeSameTest {
    static final long A_LO = 0x0011_2233_4455_6677L, A_HI = 0x8899_AABB_CCDD_EEFFL;
    static final long B_LO = 0x0011_0033_0055_0077L, B_HI = 0xFF99_00BB_00DD_00FFL;

    private static FpSimdRunner run(int word) {
        return FpSimdRunner.code(word).v(1, A_LO, A_HI).v(2, B_LO, B_HI).v(0, 0x5555_5555_5555_5555L, 0x5555_5555_5555_5555L).run();
    }

    /** Applies op to each esize-bit lane of two longs. */
    private static long lanes(long a, long b, int e, LongBinaryOperator op) {
        long r = 0, m = e == 64 ? -1 : (1L << e) - 1;
        for (int i = 0; i < 64; i += e) {
            r |= (op.applyAsLong(a >>> i & m, b >>> i & m) & m) << i;
        }
        return r;
    }

    private static long sx(long v, int e) {
        return v << (64 - e) >> (64 - e);
    }

    @Test
    void CMEQ_bytes() {
        FpSimdRunner r = run(0x6e22_8c20); // cmeq v0.16b, v1.16b, v2.16b
        assertThat(r.lo(0)).isEqualTo(0xFFFF_00FF_00FF_00FFL);
        assertThat(r.hi(0)).isEqualTo(0x00FF_00FF_00FF_00FFL);
    }

    @Test
    void compares_matchALaneModel() {
        Random rnd = new Random(5);
        for (int k = 0; k < 20; k++) {
            long a0 = rnd.nextLong(), a1 = rnd.nextLong(), b0 = k % 3 == 0 ? a0 : rnd.nextLong(), b1 = rnd.nextLong();
            check(0x6e62_3c20, a0, a1, b0, b1, 16, (x, y) -> Long.compareUnsigned(x, y) >= 0 ? -1 : 0, true);  // cmhs v0.8h, v1.8h, v2.8h
            check(0x6ea2_3420, a0, a1, b0, b1, 32, (x, y) -> Long.compareUnsigned(x, y) > 0 ? -1 : 0, true);   // cmhi v0.4s, v1.4s, v2.4s
            check(0x4ee2_3c20, a0, a1, b0, b1, 64, (x, y) -> x >= y ? -1 : 0, true);                           // cmge v0.2d, v1.2d, v2.2d
            check(0x0e22_3420, a0, a1, b0, b1, 8, (x, y) -> sx(x, 8) > sx(y, 8) ? -1 : 0, false);              // cmgt v0.8b, v1.8b, v2.8b
            check(0x4e22_8c20, a0, a1, b0, b1, 8, (x, y) -> (x & y) != 0 ? -1 : 0, true);                      // cmtst v0.16b, v1.16b, v2.16b
            check(0x6ee2_8420, a0, a1, b0, b1, 64, (x, y) -> x - y, true);                                     // sub v0.2d, v1.2d, v2.2d
            check(0x4ea2_9c20, a0, a1, b0, b1, 32, (x, y) -> x * y, true);                                     // mul v0.4s, v1.4s, v2.4s
            check(0x4ea2_6420, a0, a1, b0, b1, 32, (x, y) -> Math.max(sx(x, 32), sx(y, 32)), true);            // smax v0.4s, v1.4s, v2.4s
            check(0x6e22_7420, a0, a1, b0, b1, 8, (x, y) -> Math.abs(x - y), true);                            // uabd v0.16b, v1.16b, v2.16b
            check(0x4e22_1420, a0, a1, b0, b1, 8, (x, y) -> (sx(x, 8) + sx(y, 8) + 1) >> 1, true);             // srhadd v0.16b, v1.16b, v2.16b
            check(0x6ea2_2420, a0, a1, b0, b1, 32, (x, y) -> (x - y) >> 1, true);                              // uhsub v0.4s, v1.4s, v2.4s
        }
    }

    private static void check(int word, long a0, long a1, long b0, long b1, int e, LongBinaryOperator op, boolean q) {
        FpSimdRunner r = FpSimdRunner.code(word).v(1, a0, a1).v(2, b0, b1).run();
        assertThat(r.lo(0)).as("%08x lo", word).isEqualTo(lanes(a0, b0, e, op));
        assertThat(r.hi(0)).as("%08x hi", word).isEqualTo(q ? lanes(a1, b1, e, op) : 0);
    }

    @Test
    void bitwise() {
        assertThat(run(0x4e22_1c20).lo(0)).isEqualTo(A_LO & B_LO); // and v0.16b, v1.16b, v2.16b
        FpSimdRunner r = run(0x0ea2_1c20); // orr v0.8b, v1.8b, v2.8b
        assertThat(r.lo(0)).isEqualTo(A_LO | B_LO);
        assertThat(r.hi(0)).isZero();
        assertThat(run(0x6e22_1c20).hi(0)).isEqualTo(A_HI ^ B_HI); // eor v0.16b, v1.16b, v2.16b
        assertThat(run(0x4e62_1c20).hi(0)).isEqualTo(A_HI & ~B_HI); // bic v0.16b, v1.16b, v2.16b
        assertThat(run(0x4ee2_1c20).lo(0)).isEqualTo(A_LO | ~B_LO); // orn v0.16b, v1.16b, v2.16b
        long d = 0x5555_5555_5555_5555L;
        assertThat(run(0x6e62_1c20).lo(0)).isEqualTo((A_LO & d) | (B_LO & ~d)); // bsl v0.16b, v1.16b, v2.16b
        assertThat(run(0x6ea2_1c20).lo(0)).isEqualTo((A_LO & B_LO) | (d & ~B_LO)); // bit v0.16b, v1.16b, v2.16b
        assertThat(run(0x6ee2_1c20).hi(0)).isEqualTo((A_HI & ~B_HI) | (d & B_HI)); // bif v0.16b, v1.16b, v2.16b
    }

    @Test
    void pairwise() {
        FpSimdRunner r = FpSimdRunner.code(0x4e22_bc20) // addp v0.16b, v1.16b, v2.16b
                .v(1, 0x0807_0605_0403_0201L, 0x100F_0E0D_0C0B_0A09L).v(2, 0x0101_0101_0101_0101L, 0xFFFF_0000_0000_0000L).run();
        assertThat(r.lo(0)).isEqualTo(0x1F1B_1713_0F0B_0703L);
        assertThat(r.hi(0)).isEqualTo(0xFE00_0000_0202_0202L);
        r = FpSimdRunner.code(0x6e22_ac20) // uminp v0.16b, v1.16b, v2.16b
                .v(1, 0x0807_0605_0403_0201L, 0x100F_0E0D_0C0B_0A09L).v(2, 0x0101_0101_0101_0101L, 0xFFFF_0000_0000_0000L).run();
        assertThat(r.lo(0)).isEqualTo(0x0F0D_0B09_0705_0301L);
        assertThat(r.hi(0)).isEqualTo(0xFF00_0000_0101_0101L);
        r = FpSimdRunner.code(0x6ea2_a420).v(1, 5L << 32 | 9, 7).v(2, -1L, 3L << 32).run(); // umaxp v0.4s, v1.4s, v2.4s
        assertThat(r.lo(0)).isEqualTo(7L << 32 | 9);
        assertThat(r.hi(0)).isEqualTo(3L << 32 | 0xFFFF_FFFFL);
    }

    @Test
    void shiftsBySignedRegister() {
        // ushl v0.2d, v1.2d, v2.2d: +4 and -4 (low byte)
        FpSimdRunner r = FpSimdRunner.code(0x6ee2_4420).v(1, 0xF0, 0x8000_0000_0000_0000L).v(2, 4, 0xFC).run();
        assertThat(r.lo(0)).isEqualTo(0xF00);
        assertThat(r.hi(0)).isEqualTo(0x0800_0000_0000_0000L);
        // sshl v0.4s, v1.4s, v2.4s: arithmetic right by 1; shifting by 40 left gives 0
        r = FpSimdRunner.code(0x4ea2_4420).v(1, 0x8000_0000_0000_0010L, 0).v(2, 0xFFL | 40L << 32, 0).run();
        assertThat(r.lo(0)).isEqualTo(0x0000_0000_0000_0008L);
        // urshl v0.4s: rounding right by 1 of 3 is 2
        r = FpSimdRunner.code(0x6ea2_5420).v(1, 3, 0).v(2, 0xFF, 0).run();
        assertThat(r.lo(0)).isEqualTo(2);
    }

    @Test
    void saturatingSetQC() {
        FpSimdRunner r = FpSimdRunner.code(0x6e22_0c20).v(1, 0xF0, 0).v(2, 0x20, 0).run(); // uqadd v0.16b, v1.16b, v2.16b
        assertThat(r.lo(0)).isEqualTo(0xFF);
        assertThat(r.fpsr()).isEqualTo(1L << 27);
        r = FpSimdRunner.code(0x4e62_2c20).v(1, 0x8000, 0).v(2, 1, 0).run(); // sqsub v0.8h, v1.8h, v2.8h
        assertThat(r.lo(0)).isEqualTo(0x8000);
        assertThat(r.fpsr()).isEqualTo(1L << 27);
        r = FpSimdRunner.code(0x4ea2_b420).v(1, 0x8000_0000L, 0).v(2, 0x8000_0000L, 0).run(); // sqdmulh v0.4s, v1.4s, v2.4s
        assertThat(r.lo(0)).isEqualTo(0x7FFF_FFFFL);
        r = FpSimdRunner.code(0x5e22_0c20).v(1, 0x7F, 0).v(2, 0x7F, 0).run(); // sqadd b0, b1, b2
        assertThat(r.lo(0)).isEqualTo(0x7F);
        assertThat(r.fpsr()).isEqualTo(1L << 27);
    }

    @Test
    void MLA_PMUL() {
        FpSimdRunner r = FpSimdRunner.code(0x4e62_9420).v(1, 3, 0).v(2, 4, 0).v(0, 5, 1).run(); // mla v0.8h, v1.8h, v2.8h
        assertThat(r.lo(0)).isEqualTo(17);
        assertThat(r.hi(0)).isEqualTo(1);
        r = FpSimdRunner.code(0x6e22_9c20).v(1, 0x03, 0).v(2, 0x03, 0).run(); // pmul v0.16b, v1.16b, v2.16b
        assertThat(r.lo(0)).isEqualTo(0x05);
    }

    @Test
    void scalar() {
        FpSimdRunner r = FpSimdRunner.code(0x5ee2_8420).v(1, 5, 9).v(2, 6, 9).run(); // add d0, d1, d2
        assertThat(r.lo(0)).isEqualTo(11);
        assertThat(r.hi(0)).isZero();
        assertThat(FpSimdRunner.code(0x7ee2_8c20).v(1, 5, 1).v(2, 5, 2).run().lo(0)).isEqualTo(-1); // cmeq d0, d1, d2
    }

    @Test
    void floatingPoint() {
        long two = 0x4000_0000L, three = 0x4040_0000L, five = 0x40A0_0000L;
        FpSimdRunner r = FpSimdRunner.code(0x4e22_d420).v(1, two << 32 | two, three).v(2, three << 32 | three, two).run(); // fadd v0.4s
        assertThat(r.lo(0)).isEqualTo(five << 32 | five);
        assertThat(r.hi(0)).isEqualTo(five);
        r = FpSimdRunner.code(0x4e62_cc20) // fmla v0.2d, v1.2d, v2.2d
                .v(1, Double.doubleToLongBits(2), Double.doubleToLongBits(3)).v(2, Double.doubleToLongBits(4), Double.doubleToLongBits(5))
                .v(0, Double.doubleToLongBits(1), Double.doubleToLongBits(1)).run();
        assertThat(Double.longBitsToDouble(r.lo(0))).isEqualTo(9.0);
        assertThat(Double.longBitsToDouble(r.hi(0))).isEqualTo(16.0);
        r = FpSimdRunner.code(0x6e22_d420).v(1, two << 32 | three, 0).v(2, five << 32 | five, 0).run(); // faddp v0.4s
        assertThat(r.lo(0)).isEqualTo(five);
        assertThat(r.hi(0)).isEqualTo(0x4120_0000L);
        r = FpSimdRunner.code(0x6ea2_e420).v(1, three << 32 | 0x7FC0_0000L, 0).v(2, two << 32 | two, 0).run(); // fcmgt v0.4s
        assertThat(r.lo(0)).isEqualTo(0xFFFF_FFFF_0000_0000L);
        assertThat(r.fpsr()).isEqualTo(1); // a quiet NaN in an ordered compare raises IOC
        r = FpSimdRunner.code(0x6e62_fc20).v(1, Double.doubleToLongBits(1), Double.doubleToLongBits(1))
                .v(2, Double.doubleToLongBits(0), Double.doubleToLongBits(4)).run(); // fdiv v0.2d
        assertThat(r.lo(0)).isEqualTo(0x7FF0_0000_0000_0000L);
        assertThat(Double.longBitsToDouble(r.hi(0))).isEqualTo(0.25);
        assertThat(r.fpsr()).isEqualTo(2); // DZC
        r = FpSimdRunner.code(0x7ea2_d420).v(1, two, 0).v(2, five, 0).run(); // fabd s0, s1, s2
        assertThat(r.lo(0)).isEqualTo(three);
        r = FpSimdRunner.code(0x2e22_dc20).v(1, two << 32 | two, 5).v(2, three << 32 | two, 5).run(); // fmul v0.2s
        assertThat(r.lo(0)).isEqualTo(0x40C0_0000L << 32 | 0x4080_0000L);
        assertThat(r.hi(0)).isZero();
    }

    @Test
    void reservedSizeTraps() {
        // add with size = 11 and Q = 0 is reserved: 0x0ee2_8420
        assertThat(FpSimdRunner.code(0x0ee2_8420).run().trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
    }

    @Test
    void laneParallelIrMatchesALaneModel() {
        Random rnd = new Random(9);
        long[] edges = {0, -1, 0x8080_8080_8080_8080L, 0x7F7F_7F7F_7F7F_7F7FL, 0x0001_0000_FF00_8000L};
        for (int k = 0; k < 40; k++) {
            long a0 = k < 5 ? edges[k] : rnd.nextLong(), a1 = rnd.nextLong();
            long b0 = k < 5 ? edges[4 - k] : (k % 3 == 0 ? a0 ^ 0xFF00 : rnd.nextLong()), b1 = k % 2 == 0 ? a1 : rnd.nextLong();
            for (int size = 0; size < 4; size++) {
                int e = 8 << size;
                int sz = size << 22;
                check(0x4e22_8420 | sz, a0, a1, b0, b1, e, (x, y) -> x + y, true);                  // add v0.<T>, v1.<T>, v2.<T> (Q = 1)
                check(0x6e22_8420 | sz, a0, a1, b0, b1, e, (x, y) -> x - y, true);                  // sub
                check(0x6e22_8c20 | sz, a0, a1, b0, b1, e, (x, y) -> x == y ? -1 : 0, true);        // cmeq
                check(0x4e22_8c20 | sz, a0, a1, b0, b1, e, (x, y) -> (x & y) != 0 ? -1 : 0, true);  // cmtst
                check(0x4e20_9820 | sz, a0, a1, 0, 0, e, (x, y) -> x == 0 ? -1 : 0, true);          // cmeq v0.<T>, v1.<T>, #0
                if (size < 3) {
                    check(0x0e22_8420 | sz, a0, a1, b0, b1, e, (x, y) -> x + y, false);             // add (Q = 0)
                }
            }
        }
    }
}
