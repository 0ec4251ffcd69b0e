package dev.emu.arm32.diff;

import static dev.emu.arm32.diff.A32DiffTest.COMPILER;
import static dev.emu.arm32.diff.A32DiffTest.INTERPRETER;

import dev.emu.testkit.Fixtures;
import dev.emu.testkit.diff.CampaignReport;
import dev.emu.testkit.diff.DiffCampaign;
import dev.emu.testkit.diff.GuestRunner;
import dev.emu.testkit.diff.QemuRunner;
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
 * VFP against qemu-arm with D0..D31 and FPSCR in the state, in A32 (the Thumb encodings are
 * the same bits). Each case starts from a random FPSCR (every rounding mode, FZ, DN, some
 * flags already set) and compares the whole FPSCR afterwards: results, NZCV and cumulative
 * exception flags. {@code -Demu.diff.cases=N} runs N cases per class instead of 200.
 */
class VfpDiffTest {
    static GuestRunner qemu;
    static final int W = (int) A32DiffProgram.WINDOW;

    @BeforeAll
    static void findQemu() {
        qemu = new QemuRunner(Fixtures.qemu("arm"), List.of("-cpu", "cortex-a15")); // ARMv7-A with idiv, like the core
    }

    record Group(String name, Function<Random, A32Case> gen, String... ignored) {}

    static int gpr(Random r) {
        int x = r.nextInt(13);
        return x == 5 ? 6 : x;
    }

    static int cond(Random r) {
        return r.nextInt(15);
    }

    /** Vd/Vn/Vm fields for a register of the precision: (4-bit field, extra bit). */
    static int[] vreg(Random r, boolean dbl) {
        int n = r.nextInt(32);
        return dbl ? new int[] {n & 15, n >> 4} : new int[] {n >> 1, n & 1};
    }

    static A32State state(Random r) {
        A32State s = A32State.random(r, 256);
        s.r[5] = W + 64 + 4 * r.nextInt(32);
        s.fpscr = fpscr(r);
        return s;
    }

    /** NZCV, RMode, FZ and DN at random; half the time a few cumulative flags already set. */
    static int fpscr(Random r) {
        int v = r.nextInt(16) << 28 | r.nextInt(4) << 22;
        v |= r.nextInt(4) == 0 ? 1 << 24 : 0;
        v |= r.nextInt(4) == 0 ? 1 << 25 : 0;
        if (r.nextBoolean()) {
            v |= r.nextInt(0x20) | (r.nextInt(4) == 0 ? 0x80 : 0);
        }
        return v;
    }

    /** A three-register data-processing word: opc1 (bits 23:20 without D), opc3 bit 6. */
    static int dp3(Random r, int opc1, int op6, boolean dbl) {
        int[] d = vreg(r, dbl), n = vreg(r, dbl), m = vreg(r, dbl);
        return cond(r) << 28 | 0x0E000A00 | opc1 << 20 | d[1] << 22 | n[0] << 16 | d[0] << 12 | (dbl ? 1 << 8 : 0)
                | n[1] << 7 | op6 << 6 | m[1] << 5 | m[0];
    }

    /** A two-register word of the 1D11 space: opc2 (bits 19:16), bit 7. */
    static int dp2(Random r, int opc2, int bit7, boolean dbl, boolean dSingle, boolean mSingle) {
        int[] d = vreg(r, dbl && !dSingle), m = vreg(r, dbl && !mSingle);
        return cond(r) << 28 | 0x0EB00A40 | d[1] << 22 | opc2 << 16 | d[0] << 12 | (dbl ? 1 << 8 : 0) | bit7 << 7
                | m[1] << 5 | m[0];
    }

    static List<Group> groups() {
        List<Group> g = new ArrayList<>();
        g.add(new Group("VLDR_VSTR_VLDM_VSTM", r -> {
            A32State s = state(r);
            boolean dbl = r.nextBoolean();
            int[] d = vreg(r, dbl);
            int w;
            if (r.nextBoolean()) {
                w = cond(r) << 28 | 0x0D000A00 | r.nextInt(2) << 23 | d[1] << 22 | r.nextInt(2) << 20 | 5 << 16 | d[0] << 12
                        | (dbl ? 1 << 8 : 0) | r.nextInt(16);
            } else {
                int first = dbl ? (d[1] << 4 | d[0]) : (d[0] << 1 | d[1]);
                int max = 32 - first;
                int count = 1 + r.nextInt(Math.min(max, 8));
                boolean db = r.nextBoolean();
                int wb = db ? 1 : r.nextInt(2);
                w = cond(r) << 28 | 0x0C000A00 | (db ? 0x01000000 : 0x00800000) | d[1] << 22 | wb << 21
                        | r.nextInt(2) << 20 | 5 << 16 | d[0] << 12 | (dbl ? 1 << 8 : 0) | (dbl ? 2 * count : count);
            }
            return A32Case.arm(w, s, "vldr/vstr/vldm/vstm 0x" + Integer.toHexString(w));
        }));
        g.add(new Group("VMOV_core", r -> {
            A32State s = state(r);
            int t = gpr(r), t2 = gpr(r), o = r.nextInt(2);
            if (t2 == t) {
                t2 = (t + 1) % 13;
            }
            int w = switch (r.nextInt(4)) {
                case 0 -> cond(r) << 28 | 0x0E000A10 | o << 20 | r.nextInt(16) << 16 | t << 12 | r.nextInt(2) << 7;
                case 1 -> cond(r) << 28 | 0x0C400B10 | o << 20 | t2 << 16 | t << 12 | r.nextInt(2) << 5 | r.nextInt(16);
                case 2 -> cond(r) << 28 | 0x0C400A10 | o << 20 | t2 << 16 | t << 12 | r.nextInt(2) << 5 | r.nextInt(15);
                default -> cond(r) << 28 | 0x0E000B10 | r.nextInt(2) << 21 | o << 20 | r.nextInt(16) << 16 | t << 12
                        | r.nextInt(2) << 7;
            };
            return A32Case.arm(w, s, "vmov core 0x" + Integer.toHexString(w));
        }));
        g.add(new Group("VMOV_reg_imm_VNEG_VABS", r -> {
            boolean dbl = r.nextBoolean();
            int w = switch (r.nextInt(4)) {
                case 0 -> dp2(r, 0, 0, dbl, false, false);                   // VMOV reg
                case 1 -> dp2(r, 0, 1, dbl, false, false);                   // VABS
                case 2 -> dp2(r, 1, 0, dbl, false, false);                   // VNEG
                default -> dp2(r, r.nextInt(16), 0, dbl, false, false) & ~0xF0 | r.nextInt(16); // VMOV imm (opc2 = imm4H)
            };
            return A32Case.arm(w, state(r), "vmov/vabs/vneg 0x" + Integer.toHexString(w));
        }));
        g.add(new Group("VFP_arithmetic", r -> {
            boolean dbl = r.nextBoolean();
            int[][] ops = {{3, 0}, {3, 1}, {2, 0}, {8, 0}}; // VADD VSUB VMUL VDIV
            int[] op = ops[r.nextInt(ops.length)];
            int w = dp3(r, op[0], op[1], dbl);
            return A32Case.arm(w, state(r), "vadd/vsub/vmul/vdiv 0x" + Integer.toHexString(w));
        }));
        g.add(new Group("VMLA_VNMUL_VSQRT", r -> {
            boolean dbl = r.nextBoolean();
            int w = switch (r.nextInt(6)) {
                case 0, 1 -> dp3(r, 0, r.nextInt(2), dbl);   // VMLA, VMLS
                case 2, 3 -> dp3(r, 1, r.nextInt(2), dbl);   // VNMLS, VNMLA
                case 4 -> dp3(r, 2, 1, dbl);                 // VNMUL
                default -> dp2(r, 1, 1, dbl, false, false);  // VSQRT
            };
            return A32Case.arm(w, state(r), "vmla/vnmul/vsqrt 0x" + Integer.toHexString(w));
        }));
        g.add(new Group("VFMA_VFNMA", r -> {
            boolean dbl = r.nextBoolean();
            int w = dp3(r, r.nextBoolean() ? 0b1010 : 0b1001, r.nextInt(2), dbl); // VFMA/VFMS, VFNMS/VFNMA
            return A32Case.arm(w, state(r), "vfma family 0x" + Integer.toHexString(w));
        }));
        g.add(new Group("VCMP_VMRS", r -> {
            boolean dbl = r.nextBoolean();
            int cmp = r.nextBoolean() ? dp2(r, 4, r.nextInt(2), dbl, false, false)
                    : dp2(r, 5, r.nextInt(2), dbl, false, false) & ~0x2F;
            int[] code = {cmp, 0xEEF1FA10}; // vmrs APSR_nzcv, fpscr
            return new A32Case(code, false, state(r), "vcmp; vmrs 0x" + Integer.toHexString(cmp));
        }));
        g.add(new Group("VCVT", r -> {
            boolean dbl = r.nextBoolean();
            int w = switch (r.nextInt(3)) {
                case 0 -> dp2(r, 7, 1, dbl, false, true) & ~(dbl ? 0 : 0);          // f32 <-> f64
                case 1 -> dp2(r, 8, r.nextInt(2), dbl, false, true);                // from int
                default -> dp2(r, 12 | r.nextInt(2), r.nextInt(2), dbl, true, false); // to int, RZ or RN
            };
            return A32Case.arm(w, state(r), "vcvt 0x" + Integer.toHexString(w));
        }));
        g.add(new Group("VCVT_fixed_half", r -> {
            boolean dbl = r.nextBoolean();
            int w;
            if (r.nextInt(3) == 0) { // VCVTB/VCVTT, either direction
                w = dp2(r, 2 | r.nextInt(2), r.nextInt(2), false, false, false);
            } else { // to or from fixed point, 16 or 32 bits, signed or not; fraction bits = size - imm5
                int sx = r.nextInt(2);
                int imm5 = sx == 1 ? r.nextInt(32) : r.nextInt(17);
                w = dp2(r, 0b1010 | r.nextInt(2) << 2 | r.nextInt(2), sx, dbl, false, false) & ~0x2F
                        | (imm5 & 1) << 5 | imm5 >> 1;
            }
            return A32Case.arm(w, state(r), "vcvt fixed/half 0x" + Integer.toHexString(w));
        }));
        return g;
    }

    /** The same classes in Thumb: the A32 words with cond = 1110 are the Thumb encodings (hw1:hw2). */
    static List<Group> thumbGroups() {
        List<Group> out = new ArrayList<>();
        for (Group g : groups()) {
            out.add(new Group(g.name() + "_thumb", r -> {
                A32Case c = g.gen().apply(r);
                int[] halves = new int[2 * c.code().length];
                for (int i = 0; i < c.code().length; i++) {
                    int w = c.code()[i] & 0x0FFF_FFFF | 0xE000_0000;
                    halves[2 * i] = w >>> 16;
                    halves[2 * i + 1] = w & 0xFFFF;
                }
                return A32Case.thumb(halves, c.init(), "thumb " + c.asm());
            }, g.ignored()));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> eachClassOnEachTier() {
        List<DynamicTest> tests = new ArrayList<>();
        List<Group> all = new ArrayList<>(groups());
        all.addAll(thumbGroups());
        for (Group group : all) {
            for (GuestRunner tier : List.of(INTERPRETER, COMPILER)) {
                tests.add(DynamicTest.dynamicTest(group.name() + " on " + tier.name(), () -> {
                    CampaignReport report = DiffCampaign.of(group.name(), A32DiffProgram.WITH_VFP, group.gen()::apply)
                            .ignoring(group.ignored())
                            .run(qemu, tier);
                    System.out.printf("%s on %s: %d cases, %d faulted alike, %d programs, %d mismatches%n",
                            group.name(), tier.name(), report.cases(), report.faultedAlike(), report.programs(),
                            report.mismatches().size());
                    report.assertNoMismatches();
                }));
            }
        }
        return tests.stream();
    }
}
