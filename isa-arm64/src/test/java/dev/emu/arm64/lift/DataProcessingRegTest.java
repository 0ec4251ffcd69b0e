package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm64.A64Runner;
import dev.emu.core.ir.TrapKind;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;

class DataProcessingRegTest {
    /** Runs one word with x[reg] = value pairs: run(word, reg, value, reg, value...). */
    private static A64Runner run(int word, long... regValuePairs) {
        A64Runner r = new A64Runner().code(word);
        for (int i = 0; i < regValuePairs.length; i += 2) {
            r.x((int) regValuePairs[i], regValuePairs[i + 1]);
        }
        return r.run();
    }

    private static A64Runner runFlags(int word, int nzcv, long... regValuePairs) {
        A64Runner r = new A64Runner().code(word).nzcv(nzcv);
        for (int i = 0; i < regValuePairs.length; i += 2) {
            r.x((int) regValuePairs[i], regValuePairs[i + 1]);
        }
        return r.run();
    }

    // ---- logical (shifted register)
    @Test
    void AND_shift() {
        assertThat(run(0x8a02_1020, 1, 0xFF0, 2, 0x3F).x(0)).isEqualTo(0x3F0); // and x0, x1, x2, lsl #4
    }

    @Test
    void BIC_shift() {
        assertThat(run(0x0a25_0083, 4, 0xFFFF_FFFF_FFFF_FFFFL, 5, 0xF0).x(3)).isEqualTo(0xFFFF_FF0FL); // bic w3, w4, w5
    }

    @Test
    void ORR_shift() {
        assertThat(run(0xaac8_20e6, 7, 0, 8, 0xAB).x(6)).isEqualTo(0xAB00_0000_0000_0000L); // orr x6, x7, x8, ror #8
    }

    @Test
    void ORN_shift() {
        // orn w9, w10, w11, asr #4
        assertThat(run(0x2aab_1149, 10, 0, 11, 0x8000_0000L).x(9)).isEqualTo(0x07FF_FFFFL);
    }

    @Test
    void EOR_shift() {
        assertThat(run(0xca4e_f1ac, 13, 1, 14, -1).x(12)).isEqualTo(0xE); // eor x12, x13, x14, lsr #60
    }

    @Test
    void EON_shift() {
        assertThat(run(0xca31_020f, 16, 0xF, 17, 0xF).x(15)).isEqualTo(-1); // eon x15, x16, x17
    }

    @Test
    void ANDS_shift() {
        A64Runner r = runFlags(0x6a14_0272, 0b0011, 19, 0xF0, 20, 0x0F); // ands w18, w19, w20
        assertThat(r.x(18)).isZero();
        assertThat(r.nzcv()).isEqualTo(0b0100);
    }

    @Test
    void BICS_shift() {
        A64Runner r = run(0xea37_06d5, 22, -1, 23, 0x1); // bics x21, x22, x23, lsl #1
        assertThat(r.x(21)).isEqualTo(~2L);
        assertThat(r.nzcv()).isEqualTo(0b1000);
    }

    @Test
    void rorIsReservedForAddSub() {
        assertThat(run(0x8bc2_0020).trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION); // add x0, x1, x2, ror #0
    }

    // ---- add/subtract (shifted register)
    @Test
    void ADD_shift() {
        assertThat(run(0x8b02_0c20, 1, 1, 2, 2).x(0)).isEqualTo(17); // add x0, x1, x2, lsl #3
    }

    @Test
    void ADDS_shift() {
        // adds w3, w4, w5, asr #2: 0x7fffffff + 0x10 >> 2 overflows
        A64Runner r = run(0x2b85_0883, 4, 0x7FFF_FFFF, 5, 0x10);
        assertThat(r.x(3)).isEqualTo(0x8000_0003L);
        assertThat(r.nzcv()).isEqualTo(0b1001);
    }

    @Test
    void SUB_shift() {
        assertThat(run(0xcb48_04e6, 7, 100, 8, 40).x(6)).isEqualTo(80); // sub x6, x7, x8, lsr #1
    }

    @Test
    void SUBS_shift() {
        A64Runner r = run(0x6b0b_0149, 10, 5, 11, 5); // subs w9, w10, w11
        assertThat(r.x(9)).isZero();
        assertThat(r.nzcv()).isEqualTo(0b0110);
        assertThat(run(0x6b0b_0149, 10, 0x8000_0000L, 11, 1).nzcv()).isEqualTo(0b0011);
    }

    // ---- add/subtract (extended register)
    @Test
    void ADD_ext() {
        // add x0, sp, w1, uxtw #2
        A64Runner r = new A64Runner().code(0x8b21_4be0).set("sp", 0x1000).x(1, 0xFFFF_FFFF_0000_0004L).run();
        assertThat(r.x(0)).isEqualTo(0x1010);
    }

    @Test
    void ADDS_ext() {
        A64Runner r = run(0xab24_c062, 3, 10, 4, 0xFFFF_FFFFL); // adds x2, x3, w4, sxtw
        assertThat(r.x(2)).isEqualTo(9);
        assertThat(r.nzcv()).isEqualTo(0b0010);
    }

    @Test
    void SUB_ext() {
        A64Runner r = new A64Runner().code(0xcb25_73ff).set("sp", 0x1000).x(5, 2).run(); // sub sp, sp, x5, uxtx #4
        assertThat(r.sp()).isEqualTo(0x1000 - 32);
    }

    @Test
    void SUBS_ext() {
        A64Runner r = run(0x6b28_80e6, 7, 0, 8, 0x80); // subs w6, w7, w8, sxtb: 0 - (-128)
        assertThat(r.x(6)).isEqualTo(128);
        assertThat(r.nzcv()).isEqualTo(0b0000);
        // cmp x1, w2, uxth
        assertThat(run(0xeb22_203f, 1, 0x1234, 2, 0xFFFF_1234L).nzcv()).isEqualTo(0b0110);
    }

    // ---- with carry
    @Test
    void ADC() {
        assertThat(runFlags(0x9a02_0020, 0b0010, 1, 1, 2, 2).x(0)).isEqualTo(4); // adc x0, x1, x2
        assertThat(runFlags(0x9a02_0020, 0b0000, 1, 1, 2, 2).x(0)).isEqualTo(3);
    }

    @Test
    void ADCS() {
        // adcs w3, w4, w5: 0xffffffff + 0 + 1 carries out
        A64Runner r = runFlags(0x3a05_0083, 0b0010, 4, 0xFFFF_FFFFL, 5, 0);
        assertThat(r.x(3)).isZero();
        assertThat(r.nzcv()).isEqualTo(0b0110);
        r = runFlags(0x3a05_0083, 0b0000, 4, 0xFFFF_FFFFL, 5, 0);
        assertThat(r.nzcv()).isEqualTo(0b1000);
    }

    @Test
    void SBC() {
        assertThat(runFlags(0xda08_00e6, 0b0000, 7, 10, 8, 3).x(6)).isEqualTo(6); // sbc x6, x7, x8
        assertThat(runFlags(0xda08_00e6, 0b0010, 7, 10, 8, 3).x(6)).isEqualTo(7);
    }

    @Test
    void SBCS() {
        A64Runner r = runFlags(0x7a0b_0149, 0b0000, 10, 0, 11, 0); // sbcs w9, w10, w11: 0 - 0 - 1
        assertThat(r.x(9)).isEqualTo(0xFFFF_FFFFL);
        assertThat(r.nzcv()).isEqualTo(0b1000);
        r = runFlags(0x7a0b_0149, 0b0010, 10, 0, 11, 0);
        assertThat(r.nzcv()).isEqualTo(0b0110);
    }

    // ---- conditional compare
    @Test
    void CCMN_reg() {
        // ccmn x0, x1, #0b0101, eq
        assertThat(runFlags(0xba41_0005, 0b0100, 0, 1, 1, -1).nzcv()).isEqualTo(0b0110);
        assertThat(runFlags(0xba41_0005, 0b0000, 0, 1, 1, -1).nzcv()).isEqualTo(0b0101);
    }

    @Test
    void CCMN_imm() {
        // ccmn w2, #3, #0, ne
        assertThat(runFlags(0x3a43_1840, 0b0000, 2, 0xFFFF_FFFDL).nzcv()).isEqualTo(0b0110);
        assertThat(runFlags(0x3a43_1840, 0b0100, 2, 0xFFFF_FFFDL).nzcv()).isEqualTo(0b0000);
    }

    @Test
    void CCMP_reg() {
        // ccmp x3, x4, #0b1111, ge
        assertThat(runFlags(0xfa44_a06f, 0b0000, 3, 1, 4, 2).nzcv()).isEqualTo(0b1000);
        assertThat(runFlags(0xfa44_a06f, 0b1000, 3, 1, 4, 2).nzcv()).isEqualTo(0b1111);
    }

    @Test
    void CCMP_imm() {
        // ccmp w5, #31, #0b0010, lt
        assertThat(runFlags(0x7a5f_b8a2, 0b1000, 5, 31).nzcv()).isEqualTo(0b0110);
        assertThat(runFlags(0x7a5f_b8a2, 0b0000, 5, 31).nzcv()).isEqualTo(0b0010);
    }

    // ---- conditional select
    @Test
    void CSEL() {
        assertThat(runFlags(0x9a82_0020, 0b0100, 1, 11, 2, 22).x(0)).isEqualTo(11); // csel x0, x1, x2, eq
        assertThat(runFlags(0x9a82_0020, 0b0000, 1, 11, 2, 22).x(0)).isEqualTo(22);
    }

    @Test
    void CSINC() {
        // csinc w3, w4, w5, ne
        assertThat(runFlags(0x1a85_1483, 0b0100, 4, 1, 5, 0xFFFF_FFFFL).x(3)).isZero();
        // cset x12, hi
        assertThat(runFlags(0x9a9f_97ec, 0b0010, 12, 7).x(12)).isEqualTo(1);
        assertThat(runFlags(0x9a9f_97ec, 0b0110, 12, 7).x(12)).isZero();
    }

    @Test
    void CSINV() {
        assertThat(runFlags(0xda88_c0e6, 0b0100, 7, 5, 8, 0).x(6)).isEqualTo(-1); // csinv x6, x7, x8, gt
    }

    @Test
    void CSNEG() {
        assertThat(runFlags(0x5a8b_d549, 0b0000, 10, 5, 11, 1).x(9)).isEqualTo(0xFFFF_FFFFL); // csneg w9, w10, w11, le
        assertThat(runFlags(0x5a8b_d549, 0b0100, 10, 5, 11, 1).x(9)).isEqualTo(5);
    }

    // ---- 2 source
    @Test
    void UDIV() {
        assertThat(run(0x9ac2_0820, 1, -1, 2, 2).x(0)).isEqualTo(Long.MAX_VALUE); // udiv x0, x1, x2
        assertThat(run(0x9ac2_0820, 1, 5, 2, 0).x(0)).isZero();
    }

    @Test
    void SDIV() {
        assertThat(run(0x1ac5_0c83, 4, -7, 5, 2).x(3)).isEqualTo(0xFFFF_FFFDL); // sdiv w3, w4, w5
        assertThat(run(0x1ac5_0c83, 4, 0x8000_0000L, 5, -1).x(3)).isEqualTo(0x8000_0000L);
    }

    @Test
    void LSLV() {
        assertThat(run(0x9ac8_20e6, 7, 1, 8, 65).x(6)).isEqualTo(2); // lslv x6, x7, x8
    }

    @Test
    void LSRV() {
        assertThat(run(0x1acb_2549, 10, 0x8000_0000L, 11, 33).x(9)).isEqualTo(0x4000_0000L); // lsrv w9, w10, w11
    }

    @Test
    void ASRV() {
        assertThat(run(0x9ace_29ac, 13, Long.MIN_VALUE, 14, 63).x(12)).isEqualTo(-1); // asrv x12, x13, x14
    }

    @Test
    void RORV() {
        assertThat(run(0x1ad1_2e0f, 16, 1, 17, 1).x(15)).isEqualTo(0x8000_0000L); // rorv w15, w16, w17
    }

    @Test
    void CRC32() {
        CRC32 j = new CRC32();
        j.update(0x5a);
        // crc32b w0, w1, w2 with the usual pre- and post-inversion done by hand
        long arm = run(0x1ac2_4020, 1, 0xFFFF_FFFFL, 2, 0x5a).x(0);
        assertThat(~arm & 0xFFFF_FFFFL).isEqualTo(j.getValue());
        // crc32x w9, w10, x11 over 8 bytes
        byte[] data = {1, 2, 3, 4, 5, 6, 7, 8};
        j.reset();
        j.update(data);
        arm = run(0x9acb_4d49, 10, 0xFFFF_FFFFL, 11, 0x0807_0605_0403_0201L).x(9);
        assertThat(~arm & 0xFFFF_FFFFL).isEqualTo(j.getValue());
        // crc32h and crc32w agree with byte-wise updates
        long h = run(0x1ac5_4483, 4, 0x1234_5678L, 5, 0xBEEF).x(3);
        long b1 = run(0x1ac2_4020, 1, 0x1234_5678L, 2, 0xEF).x(0);
        assertThat(h).isEqualTo(run(0x1ac2_4020, 1, b1, 2, 0xBE).x(0));
        assertThat(run(0x1ac8_48e6, 7, 0, 8, 0).x(6)).isZero();
    }

    @Test
    void CRC32C() {
        CRC32C j = new CRC32C();
        j.update(0x33);
        long arm = run(0x1ace_51ac, 13, 0xFFFF_FFFFL, 14, 0x33).x(12); // crc32cb w12, w13, w14
        assertThat(~arm & 0xFFFF_FFFFL).isEqualTo(j.getValue());
        byte[] data = {9, 8, 7, 6, 5, 4, 3, 2};
        j.reset();
        j.update(data);
        arm = run(0x9ad1_5e0f, 16, 0xFFFF_FFFFL, 17, 0x0203_0405_0607_0809L).x(15); // crc32cx w15, w16, x17
        assertThat(~arm & 0xFFFF_FFFFL).isEqualTo(j.getValue());
    }

    @Test
    void crc32xIn32BitFormIsIllegal() {
        assertThat(run(0x1acb_4d49).trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION); // crc32 sf=0 sz=11
    }

    // ---- 1 source
    @Test
    void RBIT() {
        assertThat(run(0xdac0_0020, 1, 1).x(0)).isEqualTo(Long.MIN_VALUE); // rbit x0, x1
        assertThat(run(0x5ac0_0062, 3, 0xFFFF_FFFF_0000_0003L).x(2)).isEqualTo(0xC000_0000L); // rbit w2, w3
    }

    @Test
    void REV16() {
        assertThat(run(0xdac0_04a4, 5, 0x0102_0304_0506_0708L).x(4)).isEqualTo(0x0201_0403_0605_0807L); // rev16 x4, x5
        assertThat(run(0x5ac0_04e6, 7, 0x0102_0304L).x(6)).isEqualTo(0x0201_0403L); // rev16 w6, w7
    }

    @Test
    void REV32() {
        assertThat(run(0xdac0_0928, 9, 0x0102_0304_0506_0708L).x(8)).isEqualTo(0x0403_0201_0807_0605L); // rev32 x8, x9
    }

    @Test
    void REV() {
        assertThat(run(0xdac0_0d6a, 11, 0x0102_0304_0506_0708L).x(10)).isEqualTo(0x0807_0605_0403_0201L); // rev x10, x11
        assertThat(run(0x5ac0_09ac, 13, 0xAAAA_AAAA_0102_0304L).x(12)).isEqualTo(0x0403_0201L); // rev w12, w13
    }

    @Test
    void CLZ() {
        assertThat(run(0xdac0_11ee, 15, 1).x(14)).isEqualTo(63); // clz x14, x15
        assertThat(run(0x5ac0_1230, 17, 0xFFFF_FFFF_0000_0000L).x(16)).isEqualTo(32); // clz w16, w17
    }

    @Test
    void CLS() {
        assertThat(run(0xdac0_1672, 19, -1).x(18)).isEqualTo(63); // cls x18, x19
        assertThat(run(0xdac0_1672, 19, 0).x(18)).isEqualTo(63);
        assertThat(run(0xdac0_1672, 19, 1).x(18)).isEqualTo(62);
        assertThat(run(0x5ac0_16b4, 21, 0xFFFF_FFF0L).x(20)).isEqualTo(27); // cls w20, w21
    }

    // ---- 3 source
    @Test
    void MADD() {
        assertThat(run(0x9b02_0c20, 1, 6, 2, 7, 3, 100).x(0)).isEqualTo(142); // madd x0, x1, x2, x3
    }

    @Test
    void MSUB() {
        assertThat(run(0x1b06_9ca4, 5, 6, 6, 7, 7, 40).x(4)).isEqualTo(0xFFFF_FFFEL); // msub w4, w5, w6, w7
    }

    @Test
    void SMADDL() {
        assertThat(run(0x9b2a_2d28, 9, 0xFFFF_FFFFL, 10, 2, 11, 10).x(8)).isEqualTo(8); // smaddl x8, w9, w10, x11
    }

    @Test
    void SMSUBL() {
        assertThat(run(0x9b2e_bdac, 13, -3, 14, 3, 15, 0).x(12)).isEqualTo(9); // smsubl x12, w13, w14, x15
    }

    @Test
    void SMULH() {
        assertThat(run(0x9b52_7e30, 17, -1, 18, -1).x(16)).isZero(); // smulh x16, x17, x18
        assertThat(run(0x9b52_7e30, 17, Long.MIN_VALUE, 18, 2).x(16)).isEqualTo(-1);
    }

    @Test
    void UMADDL() {
        // umaddl x19, w20, w21, x22
        assertThat(run(0x9bb5_5a93, 20, 0xFFFF_FFFFL, 21, 0xFFFF_FFFFL, 22, 1).x(19)).isEqualTo(0xFFFF_FFFE_0000_0002L);
    }

    @Test
    void UMSUBL() {
        assertThat(run(0x9bb9_eb17, 24, 2, 25, 3, 26, 10).x(23)).isEqualTo(4); // umsubl x23, w24, w25, x26
    }

    @Test
    void UMULH() {
        assertThat(run(0x9bdd_7f9b, 28, -1, 29, -1).x(27)).isEqualTo(-2); // umulh x27, x28, x29
    }
}
