package dev.emu.arm64.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm64.A64Runner;

import org.junit.jupiter.api.Test;

class BranchesTest {
    private static final long B = A64Runner.BASE;
    private static final int NOP = 0xd503_201f;

    /** Runs one block from BASE and returns the pc it left for. */
    private static long target(A64Runner r) {
        return r.runUntil(-1).pc();
    }

    @Test
    void B_uncond() {
        assertThat(target(new A64Runner().code(0x1400_0002))).isEqualTo(B + 8); // b #8
    }

    @Test
    void BL() {
        A64Runner r = new A64Runner().code(0x9400_0040); // bl #0x100
        assertThat(target(r)).isEqualTo(B + 0x100);
        assertThat(r.x(30)).isEqualTo(B + 4);
    }

    @Test
    void B_cond() {
        assertThat(target(new A64Runner().code(0x5400_0040).nzcv(0b0100))).isEqualTo(B + 8); // b.eq #8
        assertThat(target(new A64Runner().code(0x5400_0040).nzcv(0b0000))).isEqualTo(B + 4);
        assertThat(target(new A64Runner().code(0x54ff_ffc1).nzcv(0b0000))).isEqualTo(B - 8); // b.ne #-8
        assertThat(target(new A64Runner().code(0x5400_004e))).isEqualTo(B + 8); // b.al #8
    }

    @Test
    void everyConditionMatchesConditionHolds() {
        for (int cond = 0; cond < 16; cond++) {
            for (int nzcv = 0; nzcv < 16; nzcv++) {
                int word = 0x5400_0040 | cond; // b.<cond> #8
                boolean n = (nzcv & 8) != 0, z = (nzcv & 4) != 0, c = (nzcv & 2) != 0, v = (nzcv & 1) != 0;
                boolean holds = switch (cond >> 1) {
                    case 0 -> z;
                    case 1 -> c;
                    case 2 -> n;
                    case 3 -> v;
                    case 4 -> c && !z;
                    case 5 -> n == v;
                    case 6 -> n == v && !z;
                    default -> true;
                };
                if ((cond & 1) == 1 && cond != 15) {
                    holds = !holds;
                }
                long t = target(new A64Runner().code(word).nzcv(nzcv));
                assertThat(t).as("cond %d nzcv %d", cond, nzcv).isEqualTo(holds ? B + 8 : B + 4);
            }
        }
    }

    @Test
    void CBZ() {
        assertThat(target(new A64Runner().code(0xb400_0060).x(0, 0))).isEqualTo(B + 12); // cbz x0, #12
        assertThat(target(new A64Runner().code(0xb400_0060).x(0, 1L << 40))).isEqualTo(B + 4);
    }

    @Test
    void CBNZ() {
        // cbnz w0, #8: only the low 32 bits count
        assertThat(target(new A64Runner().code(0x3500_0040).x(0, 1L << 40))).isEqualTo(B + 4);
        assertThat(target(new A64Runner().code(0x3500_0040).x(0, 1))).isEqualTo(B + 8);
    }

    @Test
    void TBZ() {
        // tbz x4, #40, #-4
        assertThat(target(new A64Runner().code(0xb647_ffe4).x(4, 0))).isEqualTo(B - 4);
        assertThat(target(new A64Runner().code(0xb647_ffe4).x(4, 1L << 40))).isEqualTo(B + 4);
    }

    @Test
    void TBNZ() {
        // tbnz w3, #5, #16
        assertThat(target(new A64Runner().code(0x3728_0083).x(3, 32))).isEqualTo(B + 16);
        assertThat(target(new A64Runner().code(0x3728_0083).x(3, 31))).isEqualTo(B + 4);
    }

    @Test
    void BR() {
        assertThat(target(new A64Runner().code(0xd61f_0060).x(3, 0x4000))).isEqualTo(0x4000); // br x3
    }

    @Test
    void BLR() {
        A64Runner r = new A64Runner().code(0xd63f_03c0).x(30, 0x4000); // blr x30
        assertThat(target(r)).isEqualTo(0x4000);
        assertThat(r.x(30)).isEqualTo(B + 4);
    }

    @Test
    void RET() {
        assertThat(target(new A64Runner().code(0xd65f_03c0).x(30, 0x5000))).isEqualTo(0x5000); // ret
        assertThat(target(new A64Runner().code(0xd65f_00a0).x(5, 0x6000))).isEqualTo(0x6000); // ret x5
    }

    @Test
    void pointerAuthenticatedBranchesAreIllegal() {
        assertThat(new A64Runner().code(0xd71f_0801).run().trap()) // braa x0, x1
                .isEqualTo(dev.emu.core.ir.TrapKind.ILLEGAL_INSTRUCTION);
        assertThat(new A64Runner().code(0xd65f_0bff).run().trap()) // retaa
                .isEqualTo(dev.emu.core.ir.TrapKind.ILLEGAL_INSTRUCTION);
    }

    @Test
    void aLoopRunsThroughSeveralBlocks() {
        // mov x0, #5; loop: sub x0, x0, #1; add x1, x1, #2; cbnz x0, loop
        A64Runner r = new A64Runner().code(0xd280_00a0, 0xd100_0400, 0x9100_0821, 0xb5ff_ffc0, NOP).run();
        assertThat(r.x(0)).isZero();
        assertThat(r.x(1)).isEqualTo(10);
    }
}
