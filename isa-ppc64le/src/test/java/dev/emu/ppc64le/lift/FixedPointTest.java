package dev.emu.ppc64le.lift;

import static dev.emu.testkit.asm.P64Asm.d;
import static dev.emu.testkit.asm.P64Asm.m;
import static dev.emu.testkit.asm.P64Asm.md;
import static dev.emu.testkit.asm.P64Asm.va;
import static dev.emu.testkit.asm.P64Asm.x31;
import static dev.emu.testkit.asm.P64Asm.xfx;
import static dev.emu.testkit.asm.P64Asm.xo;
import static dev.emu.testkit.asm.P64Asm.xs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.ir.TrapKind;
import dev.emu.ppc64le.PpcRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Book I chapter 3 (Fixed-Point): arithmetic with CA/OV/SO and record forms, compares,
 * logical, rotates and shifts, special-register moves, traps; on both tiers. The differential
 * tests against QEMU cover the same classes over random operands; these pin the cases a reader
 * checks by hand.
 */
class FixedPointTest {
    static PpcRunner run(boolean compiled, int word, long... gprs) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(word);
        for (int i = 0; i < gprs.length; i++) {
            r.r(3 + i, gprs[i]);
        }
        return r.run();
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void addcAndAddeChainA128BitSum(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(
                xo(7, 3, 5, false, 10, false),   // addc r7,r3,r5
                xo(8, 4, 6, false, 138, false)); // adde r8,r4,r6
        r.r(3, -1L).r(4, 1).r(5, 1).r(6, 2).run();
        assertThat(r.r(7)).isZero();
        assertThat(r.r(8)).isEqualTo(4);
        assertThat(r.get("xer_ca")).isZero();
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void addoDotSetsOvSoAndCr0(boolean compiled) {
        PpcRunner r = run(compiled, xo(5, 3, 4, true, 266, true), Long.MAX_VALUE, 1); // addo. r5,r3,r4
        assertThat(r.r(5)).isEqualTo(Long.MIN_VALUE);
        assertThat(r.get("xer_ov")).isEqualTo(1);
        assertThat(r.get("xer_so")).isEqualTo(1);
        assertThat(r.get("xer_ov32")).isZero(); // the low words 0xffffffff + 1 do not overflow as signed
        assertThat(r.cr(0)).isEqualTo(0b1001); // LT, SO
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void subfcBorrowAndCa32(boolean compiled) {
        PpcRunner r = run(compiled, xo(5, 3, 4, false, 8, false), 0x1_0000_0000L, 0x1_0000_0001L); // subfc r5,r3,r4
        assertThat(r.r(5)).isEqualTo(1);
        assertThat(r.get("xer_ca")).isEqualTo(1);  // RB >= RA: no borrow
        assertThat(r.get("xer_ca32")).isEqualTo(1);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void multiplyHighAndMultiplyAdd(boolean compiled) {
        assertThat(run(compiled, xo(5, 3, 4, false, 9, false), -1L, -1L).r(5)).isEqualTo(-2L); // mulhdu
        assertThat(run(compiled, xo(5, 3, 4, false, 73, false), -1L, -1L).r(5)).isZero();     // mulhd
        PpcRunner r = run(compiled, va(6, 3, 4, 5, 48), Long.MIN_VALUE, 2, -1L); // maddhd r6,r3,r4,r5
        assertThat(r.r(6)).isEqualTo(-2L);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void divideByZeroGivesTheDividendAndOv(boolean compiled) {
        PpcRunner r = run(compiled, xo(5, 3, 4, true, 491, false), -7, 0); // divwo r5,r3,r4
        assertThat(r.r(5)).isEqualTo(0xffff_fff9L); // QEMU divides by 1 and zero-extends the word
        assertThat(r.get("xer_ov")).isEqualTo(1);
        assertThat(run(compiled, xo(5, 3, 4, false, 489, false), -7, 2).r(5)).isEqualTo(-3); // divd truncates
        assertThat(run(compiled, x31(5, 3, 4, 779, false), -7, 2).r(5)).isEqualTo(-1);       // modsw
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void comparesWordsAndDoublewords(boolean compiled) {
        // cmpw cr2,r3,r4 on words that are equal while the doublewords differ
        PpcRunner w = run(compiled, x31(2 << 2, 3, 4, 0, false), 0x1_0000_0005L, 5);
        assertThat(w.cr(2)).isEqualTo(0b0010);
        PpcRunner dl = run(compiled, x31(3 << 2 | 1, 3, 4, 32, false), -1L, 1); // cmpld cr3
        assertThat(dl.cr(3)).isEqualTo(0b0100);
        PpcRunner di = run(compiled, d(11, 1, 3, -1), -2); // cmpdi cr0,r3,-1
        assertThat(di.cr(0)).isEqualTo(0b1000);
        PpcRunner eqb = run(compiled, x31(1 << 2, 3, 4, 224, false), 0x41, 0x1122_3341_5566_7788L); // cmpeqb
        assertThat(eqb.cr(1)).isEqualTo(0b0100);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void logicalCountAndPermute(boolean compiled) {
        assertThat(run(compiled, x31(3, 5, 0, 26, false), 0x1_0000_0000L).r(5)).isEqualTo(32); // cntlzw
        assertThat(run(compiled, x31(3, 5, 0, 122, false), 0x0301_ff00L).r(5)).isEqualTo(0x0201_0800L); // popcntb
        assertThat(run(compiled, x31(3, 5, 4, 508, false), 0x1122_3344_5566_7788L, 0x1100_3300_5500_7700L).r(5))
                .isEqualTo(0xff00_ff00_ff00_ff00L); // cmpb
        // bpermd: byte 0 of RS selects bit 0 of RB (its most significant), the other bytes index 64+
        assertThat(run(compiled, x31(3, 5, 4, 252, false), 0x00ff_ffff_ffff_ffffL, Long.MIN_VALUE).r(5)).isEqualTo(0x80);
        PpcRunner and = run(compiled, x31(3, 5, 4, 28, true), 0xf0, 0x0f); // and. r5,r3,r4
        assertThat(and.r(5)).isZero();
        assertThat(and.cr(0)).isEqualTo(0b0010);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void iselAndSetb(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(
                31 << 26 | 5 << 21 | 3 << 16 | 4 << 11 | 6 << 6 | 15 << 1, // isel r5,r3,r4,6 (cr1.EQ)
                x31(6, 1 << 2, 0, 128, false));                          // setb r6,cr1
        r.r(3, 11).r(4, 22).set("cr1", 0b1010).run();
        assertThat(r.r(5)).isEqualTo(11);
        assertThat(r.r(6)).isEqualTo(-1);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void rotatesWithWrappingMasks(boolean compiled) {
        // rlwinm r5,r3,8,28,3: ROTL32 then a mask that wraps (bits 60..63 and 0..35)
        // 0x34567812_34567812 & 0xffffffff_f000000f
        assertThat(run(compiled, m(21, 3, 5, 8, 28, 3, false), 0x1234_5678L).r(5)).isEqualTo(0x3456_7812_3000_0002L);
        assertThat(run(compiled, md(3, 5, 0, 48, 0, false), -1L).r(5)).isEqualTo(0xffffL);              // clrldi r5,r3,48
        assertThat(run(compiled, md(3, 5, 4, 59, 1, false), 0x0fff_ffff_ffff_ffffL).r(5)).isEqualTo(0xffff_ffff_ffff_fff0L); // rldicr r5,r3,4,59
        PpcRunner imi = new PpcRunner().compiled(compiled).code(md(3, 5, 16, 40, 3, false)); // rldimi r5,r3,16,40
        imi.r(3, 0xabcd).r(5, -1L).run();
        assertThat(imi.r(5)).isEqualTo(0xffff_ffff_ffcd_ffffL); // MASK(40, 47) keeps only 0xcd of the rotated 0xabcd0000
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void algebraicShiftsSetCaWhenOnesAreLost(boolean compiled) {
        PpcRunner r = run(compiled, x31(3, 5, 0, 824, false) | 1 << 11, -3); // srawi r5,r3,1
        assertThat(r.r(5)).isEqualTo(-2);
        assertThat(r.get("xer_ca")).isEqualTo(1);
        PpcRunner big = run(compiled, x31(3, 5, 4, 794, false), Long.MIN_VALUE, 64); // srad by 64
        assertThat(big.r(5)).isEqualTo(-1);
        assertThat(big.get("xer_ca")).isEqualTo(1);
        assertThat(run(compiled, x31(3, 5, 4, 27, false), 1, 64).r(5)).isZero(); // sld by 64
        assertThat(run(compiled, xs(3, 5, 33, 445, false), 0xffff_ffffL).r(5)).isEqualTo(-1L << 33); // extswsli
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void specialRegisterMoves(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(
                xfx(3, 1, 467),                                     // mtxer r3
                xfx(4, 1, 339),                                     // mfxer r4
                31 << 26 | 5 << 21 | 0x81 << 12 | 144 << 1,         // mtcrf 0x81,r5
                31 << 26 | 6 << 21 | 19 << 1,                       // mfcr r6
                31 << 26 | 7 << 21 | 1 << 20 | 0x40 << 12 | 19 << 1); // mfocrf r7,0x40 (cr1)
        r.r(3, 0xa00c_0042L).r(5, 0x1234_5678L).set("cr1", 0b0110).run();
        assertThat(r.r(4)).isEqualTo(0xa00c_0042L);
        assertThat(r.get("xer_so")).isEqualTo(1);
        assertThat(r.get("xer_ca")).isEqualTo(1);
        assertThat(r.get("xer_ov32")).isEqualTo(1);
        assertThat(r.r(6)).isEqualTo(0x1600_0008L);
        assertThat(r.r(7)).isEqualTo(0x0600_0000L);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void privilegedSprIsSigill(boolean compiled) {
        PpcRunner r = run(compiled, xfx(3, 287, 339)); // mfspr r3,PVR
        assertThat(r.trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void trapsFireOnlyWhenToMatches(boolean compiled) {
        PpcRunner hit = run(compiled, x31(4, 3, 4, 4, false), 5, 5); // tweq r3,r4
        assertThat(hit.trap()).isEqualTo(TrapKind.TRAP_INSTRUCTION);
        assertThat(hit.cpu.pc()).isEqualTo(PpcRunner.CODE);
        PpcRunner miss = new PpcRunner().compiled(compiled).code(d(2, 16, 3, 0), 0x38800001); // tdlti r3,0 ; li r4,1
        miss.r(3, 1).run();
        assertThat(miss.trap()).isNull();
        assertThat(miss.r(4)).isEqualTo(1);
    }
}
