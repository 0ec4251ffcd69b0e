package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.ir.TrapKind;

import org.junit.jupiter.api.Test;

/** Extensions this core does not implement trap as illegal instructions, with the encoding as detail. */
class FpSimdUnimplementedTest {
    private static final int[] WORDS = {
        0xce02_0c20, // eor3 v0.16b, v1.16b, v2.16b, v3.16b (FEAT_SHA3)
        0x4e82_9c20, // usdot v0.4s, v1.16b, v2.16b (FEAT_I8MM)
        0x6e82_cc20, // fcmla v0.4s, v1.4s, v2.4s, #90 (FEAT_FCMA)
        0x0e22_ec20, // fmlal v0.2s, v1.2h, v2.2h (FEAT_FHM)
        0x4e42_1420, // fadd v0.8h, v1.8h, v2.8h (FEAT_FP16)
        0x4f12_9020, // fmul v0.8h, v1.8h, v2.h[1]
        0x4e30_f820, // fmaxv h0, v1.8h
        0x4f03_fe00, // fmov v0.8h, #1.0
        0x1ee0_c020, // fabs h0, h1
        0x1eee_1000, // fmov h0, #1.0
        0x1ef8_0020, // fcvtzs w0, h1
        0x1ee7_0020, // fmov h0, w1
        0x1e63_4020, // bfcvt h0, s1 (FEAT_BF16)
        0x0ee2_8420, // add with size 11 and Q = 0 (reserved)
        0x2e60_5820 | 0x00C0_0000, // not/rbit with size 11 (unallocated)
    };

    @Test
    void trapAsIllegal() {
        for (int w : WORDS) {
            FpSimdRunner r = FpSimdRunner.code(w).v(0, 0x1234, 0x5678).run();
            assertThat(r.trap()).as("%08x", w).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
            assertThat(r.trapDetail()).as("%08x", w).isEqualTo(w & 0xFFFF_FFFFL);
            assertThat(r.lo(0)).as("%08x leaves v0 alone", w).isEqualTo(0x1234);
        }
    }
}
