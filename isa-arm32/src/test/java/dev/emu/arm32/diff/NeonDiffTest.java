package dev.emu.arm32.diff;

import static dev.emu.arm32.diff.A32DiffTest.COMPILER;
import static dev.emu.arm32.diff.A32DiffTest.INTERPRETER;

import dev.emu.arm32.lift.NeonTest;
import dev.emu.arm32.neon.AdvSimd;
import dev.emu.testkit.diff.CampaignReport;
import dev.emu.testkit.diff.DiffCampaign;
import dev.emu.testkit.diff.GuestRunner;
import dev.emu.testkit.diff.a32.A32Case;
import dev.emu.testkit.diff.a32.A32DiffProgram;
import dev.emu.testkit.diff.a32.A32State;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Advanced SIMD against qemu-arm (Cortex-A15), A32 and Thumb, with D0..D31, FPSCR (QC and the
 * cumulative flags) and the memory window in the state. Each group draws random words from
 * its part of the A7.4/A7.7 encoding space (registers mostly even so Q forms are allocated),
 * so decoding is checked along with results: a word both sides reject counts as faulted
 * alike. {@code -Demu.diff.cases=N} runs N cases per group and tier instead of 200.
 */
class NeonDiffTest {
    static GuestRunner qemu;
    static final int W = (int) A32DiffProgram.WINDOW;

    @BeforeAll
    static void findQemu() {
        VfpDiffTest.findQemu();
        qemu = VfpDiffTest.qemu;
    }

    record Group(String name, Function<Random, Integer> word) {}

    static A32State state(Random r) {
        A32State s = VfpDiffTest.state(r);
        for (int i = 0; i < 32; i++) {
            switch (r.nextInt(4)) {
                case 0 -> s.d[i] = r.nextLong();
                case 1 -> s.d[i] = r.nextLong() & 0x8080_8080_8080_8080L * (r.nextBoolean() ? 1 : 0) | r.nextInt(4);
                default -> { } // VfpDiffTest's FP values: NaNs, infinities, denormals, extremes
            }
        }
        // 32-aligned, or 8- or 4- but not 16-aligned: qemu-arm checks align = 11 (32 bytes) as 16
        s.r[5] = W + 64 + 32 * r.nextInt(5) + new int[] {0, 0, 8, 4}[r.nextInt(4)];
        return s;
    }

    /** Clears bit 0 of Vd, Vn and Vm most of the time, so Q forms are usually allocated. */
    static int evenRegs(Random r, int w) {
        return r.nextInt(8) == 0 ? w : w & ~(1 << 12 | 1 << 16 | 1);
    }

    /** 1111 001U with the given fixed bits over random ones. */
    static int data(Random r, int fixedMask, int fixedBits) {
        int w = 0xF200_0000 | r.nextInt(2) << 24 | r.nextInt() & 0x00FF_FFFF;
        return evenRegs(r, w & ~fixedMask | fixedBits);
    }

    static List<Group> groups() {
        List<Group> g = new ArrayList<>();
        g.add(new Group("three_same_integer", r -> {
            int w = data(r, 1 << 23, 0);
            return w & ~0xF00 | r.nextInt(12) << 8; // A < 1100: the integer rows
        }));
        g.add(new Group("three_same_float", r -> data(r, 1 << 23 | 0xC00 | 1 << 20, 0xC00)));
        g.add(new Group("shift_immediate", r -> {
            int w = data(r, 1 << 23 | 1 << 4, 1 << 23 | 1 << 4);
            return (w >>> 19 & 7) == 0 && (w >>> 7 & 1) == 0 ? w | 1 << 21 : w;
        }));
        g.add(new Group("three_different", r -> {
            int w = data(r, 1 << 23 | 1 << 6 | 1 << 4, 1 << 23);
            return (w >>> 20 & 3) == 3 ? w & ~(1 << 21) : w;
        }));
        g.add(new Group("two_regs_scalar", r -> {
            int w = data(r, 1 << 23 | 1 << 6 | 1 << 4, 1 << 23 | 1 << 6);
            return (w >>> 20 & 3) == 3 ? w & ~(1 << 21) : w;
        }));
        g.add(new Group("two_regs_misc", r -> {
            int w = data(r, 1 << 24 | 0x00B0_0810, 0x01B0_0000);
            // Vd = Vm is UNPREDICTABLE for VSWP, VTRN, VUZP, VZIP (qemu-arm's result is its own)
            return (w >>> 12 & 0xF) == (w & 0xF) && (w >>> 22 & 1) == (w >>> 5 & 1) ? w ^ 2 : w;
        }));
        g.add(new Group("modified_immediate", r -> data(r, 0x00B8_0090, 0x0080_0010)));
        g.add(new Group("VEXT_VTBL_VDUP", r -> switch (r.nextInt(3)) {
            case 0 -> data(r, 1 << 24 | 0x00B0_0010, 0x00B0_0000);                   // VEXT
            case 1 -> data(r, 1 << 24 | 0x00B0_0C10, 0x01B0_0800) & ~(r.nextBoolean() ? 0x0008_0000 : 0); // VTBL, VTBX
            default -> data(r, 1 << 24 | 0x00B0_0F90, 0x01B0_0C00);                  // VDUP (scalar)
        }));
        g.add(new Group("VLDn_VSTn", r -> {
            int m = switch (r.nextInt(3)) {
                case 0 -> 15;
                case 1 -> 13;
                default -> VfpDiffTest.gpr(r);
            };
            int w = 0xF400_0000 | r.nextInt(2) << 23 | r.nextInt(2) << 22 | r.nextInt(2) << 21 | 5 << 16
                    | r.nextInt(16) << 12 | (r.nextInt() & 0xFF0) | m;
            if (r.nextBoolean() && (w >>> 23 & 1) == 0) {
                w &= ~0x30; // align = 00 half the time
            }
            // D16..D23 or D0..D15 as the first register: never past D31 (UNPREDICTABLE, qemu runs on)
            return (w >>> 22 & 1) == 1 ? w & ~0x8000 : w;
        }));
        g.add(new Group("VMOV_VDUP_core", r -> {
            int t = VfpDiffTest.gpr(r);
            int w = switch (r.nextInt(3)) {
                case 0 -> 0x0E000B10 | r.nextInt(4) << 21 | r.nextInt(16) << 16 | r.nextInt(2) << 7 | r.nextInt(4) << 5; // to scalar
                case 1 -> 0x0E100B10 | r.nextInt(2) << 23 | r.nextInt(4) << 21 | r.nextInt(16) << 16 | r.nextInt(2) << 7
                        | r.nextInt(4) << 5;                                                                           // to core
                default -> 0x0E800B10 | r.nextInt(2) << 22 | r.nextInt(2) << 21 | r.nextInt(16) << 16 | r.nextInt(2) << 7
                        | r.nextInt(2) << 5;                                                                           // VDUP
            };
            return VfpDiffTest.cond(r) << 28 | w | t << 12;
        }));
        return g;
    }

    /**
     * A word of the group. Data-processing groups redraw three times in four until the core
     * accepts the word, so most cases compute rather than trap (and cost one program each);
     * the fourth keeps the raw draw, so words the core wrongly rejects still show up.
     */
    static int draw(Group group, Random r) {
        int w = group.word().apply(r);
        if ((w >>> 25) != 0b1111_001 || r.nextInt(4) == 0) {
            return w;
        }
        for (int tries = 0; tries < 20 && !AdvSimd.valid(w); tries++) {
            w = group.word().apply(r);
        }
        return w;
    }

    @TestFactory
    Stream<DynamicTest> eachGroupOnEachTier() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Group group : groups()) {
            for (boolean thumb : new boolean[] {false, true}) {
                for (GuestRunner tier : List.of(INTERPRETER, COMPILER)) {
                    String name = group.name() + (thumb ? "_thumb" : "");
                    tests.add(DynamicTest.dynamicTest(name + " on " + tier.name(), () -> {
                        CampaignReport report = DiffCampaign.of(name, A32DiffProgram.WITH_VFP, (Random r) -> {
                            int w = draw(group, r);
                            A32State s = state(r);
                            String asm = String.format("neon 0x%08x", w);
                            return thumb ? A32Case.thumb(NeonTest.thumb(w), s, asm) : A32Case.arm(w, s, asm);
                        }).run(qemu, tier);
                        System.out.printf("%s on %s: %d cases, %d faulted alike, %d programs, %d mismatches%n", name,
                                tier.name(), report.cases(), report.faultedAlike(), report.programs(),
                                report.mismatches().size());
                        report.assertNoMismatches();
                    }));
                }
            }
        }
        return tests.stream();
    }
}
