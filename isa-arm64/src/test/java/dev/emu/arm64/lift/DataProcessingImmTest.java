package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm64.A64Runner;
import dev.emu.core.ir.TrapKind;

import org.junit.jupiter.api.Test;

class DataProcessingImmTest {
    private static A64Runner run(int word, long... xs) {
        A64Runner r = new A64Runner().code(word);
        for (int i = 0; i < xs.length; i++) {
            r.x(i, xs[i]);
        }
        return r.run();
    }

    @Test
    void ADD_imm() {
        assertThat(run(0x9100_0420, 0, 41).x(0)).isEqualTo(42); // add x0, x1, #1
        A64Runner r = new A64Runner().code(0x9100_43ff).set("sp", 0x1000).run(); // add sp, sp, #16
        assertThat(r.sp()).isEqualTo(0x1010);
    }

    @Test
    void ADDS_imm() {
        // adds w2, w3, #4095, lsl #12
        A64Runner r = run(0x317f_fc62, 0, 0, 0, 0xFFFF_FFFF_FF00_1000L);
        assertThat(r.x(2)).isEqualTo(0x0000_0000L); // 0xff001000 + 0xfff000 wraps to 0
        assertThat(r.nzcv()).isEqualTo(0b0110);
    }

    @Test
    void SUB_imm() {
        A64Runner r = new A64Runner().code(0xd100_43ff).set("sp", 0x1000).run(); // sub sp, sp, #16
        assertThat(r.sp()).isEqualTo(0xff0);
    }

    @Test
    void SUBS_imm() {
        // subs x4, x5, #1
        assertThat(run(0xf100_04a4, 0, 0, 0, 0, 0, 0).nzcv()).isEqualTo(0b1000);
        assertThat(run(0xf100_04a4, 0, 0, 0, 0, 0, 1).nzcv()).isEqualTo(0b0110);
        A64Runner r = run(0xf100_04a4, 0, 0, 0, 0, 0, Long.MIN_VALUE);
        assertThat(r.nzcv()).isEqualTo(0b0011);
        assertThat(r.x(4)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void ADR() {
        assertThat(run(0x1000_0040).x(0)).isEqualTo(A64Runner.BASE + 8); // adr x0, #8
        assertThat(run(0x10ff_ffe1).x(1)).isEqualTo(A64Runner.BASE - 4); // adr x1, #-4
    }

    @Test
    void ADRP() {
        assertThat(run(0xf000_0001).x(1)).isEqualTo((A64Runner.BASE & ~0xFFFL) + 0x3000); // adrp x1, #0x3000
    }

    @Test
    void AND_imm() {
        // and x0, x1, #0xff00ff00ff00ff00
        assertThat(run(0x9208_9c20, 0, 0x1234_5678_9abc_def0L).x(0)).isEqualTo(0x1200_5600_9a00_de00L);
    }

    @Test
    void ORR_imm() {
        assertThat(run(0x3200_0be2, 0, 0, -1).x(2)).isEqualTo(7); // orr w2, wzr, #0x7
    }

    @Test
    void EOR_imm() {
        // eor x3, x4, #0x5555555555555555
        assertThat(run(0xd200_f083, 0, 0, 0, 0, -1).x(3)).isEqualTo(0xAAAA_AAAA_AAAA_AAAAL);
    }

    @Test
    void ANDS_imm() {
        // ands w5, w6, #0x80000000
        A64Runner r = run(0x7201_00c5, 0, 0, 0, 0, 0, 0, 0xFFFF_FFFF_8000_0001L);
        assertThat(r.x(5)).isEqualTo(0x8000_0000L);
        assertThat(r.nzcv()).isEqualTo(0b1000);
        assertThat(run(0x7201_00c5, 0, 0, 0, 0, 0, 0, 1).nzcv()).isEqualTo(0b0100);
    }

    @Test
    void MOVN() {
        assertThat(run(0x92a0_0020).x(0)).isEqualTo(~0x10000L); // movn x0, #1, lsl #16
    }

    @Test
    void MOVZ() {
        assertThat(run(0x52b5_79a1, 0, -1).x(1)).isEqualTo(0xabcd_0000L); // movz w1, #0xabcd, lsl #16
    }

    @Test
    void MOVK() {
        // movk x2, #0x1234, lsl #48
        assertThat(run(0xf2e2_4682, 0, 0, 0xFFFF_0000_0000_5678L).x(2)).isEqualTo(0x1234_0000_0000_5678L);
    }

    @Test
    void moveWideWithHw2InA32BitFormIsIllegal() {
        A64Runner r = run(0x52c0_0001); // movz w1, #0, lsl #32 (unallocated)
        assertThat(r.trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
        assertThat(r.cpu.trapDetail).isEqualTo(0x52c0_0001L);
        assertThat(r.pc()).isEqualTo(A64Runner.BASE);
    }

    @Test
    void SBFM() {
        assertThat(run(0x9343_fc20, 0, -64).x(0)).isEqualTo(-8); // asr x0, x1, #3
        assertThat(run(0x1304_2c62, 0, 0, 0, 0x0000_0f80).x(2)).isEqualTo(0xFFFF_FFF8L); // sbfx w2, w3, #4, #8
        assertThat(run(0x9340_7ca4, 0, 0, 0, 0, 0, 0x8000_0000L).x(4)).isEqualTo(0xFFFF_FFFF_8000_0000L); // sxtw x4, w5
        assertThat(run(0x9378_0ce6, 0, 0, 0, 0, 0, 0, 0, 0xF).x(6)).isEqualTo(-256); // sbfiz x6, x7, #8, #4
    }

    @Test
    void UBFM() {
        assertThat(run(0x531b_6820, 0, 0xFFFF_FFFF_0800_0001L).x(0)).isEqualTo(0x20L); // lsl w0, w1, #5
        assertThat(run(0xd37c_fc62, 0, 0, 0, -1).x(2)).isEqualTo(0xF); // lsr x2, x3, #60
        assertThat(run(0xd348_5ca4, 0, 0, 0, 0, 0, 0x12_3456_78L).x(4)).isEqualTo(0x3456); // ubfx x4, x5, #8, #16
        assertThat(run(0x5300_1ce6, 0, 0, 0, 0, 0, 0, 0, 0x1ff).x(6)).isEqualTo(0xff); // uxtb w6, w7
    }

    @Test
    void BFM() {
        // bfi x0, x1, #8, #16
        assertThat(run(0xb378_3c20, -1, 0x1234).x(0)).isEqualTo(0xFFFF_FFFF_FF12_34FFL);
        // bfxil w2, w3, #4, #8
        assertThat(run(0x3304_2c62, 0, 0, 0xFFFF_FFFF_AAAA_AAAAL, 0xABC).x(2)).isEqualTo(0xAAAA_AAABL);
    }

    @Test
    void EXTR() {
        // extr x0, x1, x2, #16
        assertThat(run(0x93c2_4020, 0, 0x1111, 0x2222_3333_4444_5555L).x(0)).isEqualTo(0x1111_2222_3333_4444L);
        // extr w3, w4, w5, #31
        assertThat(run(0x1385_7c83, 0, 0, 0, 0, 1, 0x8000_0000L).x(3)).isEqualTo(3);
        // ror x6, x7, #8
        assertThat(run(0x93c7_20e6, 0, 0, 0, 0, 0, 0, 0, 0x0102_0304_0506_0708L).x(6)).isEqualTo(0x0801_0203_0405_0607L);
    }

    @Test
    void logicalImmediateDecoding() {
        assertThat(Bitmasks.logicalImmediate(1, 0b000111, 0, 64)).isEqualTo(0xFF);
        assertThat(Bitmasks.logicalImmediate(0, 0b111100, 0, 32)).isEqualTo(0x5555_5555L);
        assertThat(Bitmasks.logicalImmediate(1, 0b111111, 0, 64)).isZero(); // all ones: reserved
        assertThat(Bitmasks.logicalImmediate(0, 0b111110, 0, 64)).isZero(); // esize 2, all ones: reserved
    }
}
