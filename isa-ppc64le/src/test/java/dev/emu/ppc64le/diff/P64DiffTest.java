package dev.emu.ppc64le.diff;

import static dev.emu.testkit.asm.P64Asm.a;
import static dev.emu.testkit.asm.P64Asm.d;
import static dev.emu.testkit.asm.P64Asm.ds;
import static dev.emu.testkit.asm.P64Asm.m;
import static dev.emu.testkit.asm.P64Asm.md;
import static dev.emu.testkit.asm.P64Asm.mds;
import static dev.emu.testkit.asm.P64Asm.va;
import static dev.emu.testkit.asm.P64Asm.x31;
import static dev.emu.testkit.asm.P64Asm.xfx;
import static dev.emu.testkit.asm.P64Asm.xl;
import static dev.emu.testkit.asm.P64Asm.xo;
import static dev.emu.testkit.asm.P64Asm.xs;

import dev.emu.testkit.asm.P64Asm;

import dev.emu.core.api.Machine;
import dev.emu.ppc64le.Ppc64Isa;
import dev.emu.testkit.Fixtures;
import dev.emu.testkit.diff.CampaignReport;
import dev.emu.testkit.diff.DiffCampaign;
import dev.emu.testkit.diff.GuestRunner;
import dev.emu.testkit.diff.MachineRunner;
import dev.emu.testkit.diff.QemuRunner;
import dev.emu.testkit.diff.RandomValues;
import dev.emu.testkit.diff.p64.P64Case;
import dev.emu.testkit.diff.p64.P64DiffProgram;
import dev.emu.testkit.diff.p64.P64State;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The ppc64le core against qemu-ppc64le, instruction class by instruction class (Book I
 * chapters 2 and 3, Book II storage), on the interpreter and on the compiled tier: seeded random
 * operands; GPRs, LR, CTR, XER (SO OV CA OV32 CA32), CR and a memory window compared.
 * {@code -Demu.diff.cases=N} runs more cases per class.
 */
class P64DiffTest {
    static GuestRunner qemu;
    static final GuestRunner INTERPRETER =
            MachineRunner.create(new Ppc64Isa(), MachineRunner.SyscallConvention.PPC64, Machine.Tiers.INTERPRETER);
    static final GuestRunner COMPILER =
            MachineRunner.create(new Ppc64Isa(), MachineRunner.SyscallConvention.PPC64, Machine.Tiers.COMPILER);
    static final long W = P64DiffProgram.WINDOW;

    @BeforeAll
    static void findQemu() {
        qemu = new QemuRunner(Fixtures.qemu("ppc64le"));
    }

    /** One instruction class: a name and a generator of its cases from random fields. */
    record Group(String name, Function<Random, P64Case> gen) {}

    static int reg(Random r) {
        return r.nextInt(32);
    }

    static boolean bit(Random r) {
        return r.nextBoolean();
    }

    static P64State state(Random r) {
        P64State s = P64State.random(r, 256);
        // operands for divides and shifts: small values now and then
        for (int i = 0; i < 32; i++) {
            if (r.nextInt(6) == 0) {
                s.r[i] = r.nextInt(130) - 2;
            }
        }
        return s;
    }

    static P64Case one(String name, int word, P64State s) {
        return new P64Case(word, s, name + " 0x" + Integer.toHexString(word));
    }

    static <T> T pick(Random r, T[] options) {
        return options[r.nextInt(options.length)];
    }

    static int pick(Random r, int... options) {
        return options[r.nextInt(options.length)];
    }

    static List<Group> groups() {
        List<Group> g = new ArrayList<>();
        // ---- 3.3.9 arithmetic
        g.add(new Group("arith_D", r -> {
            int po = pick(r, 14, 15, 12, 13, 8, 7); // addi addis addic addic. subfic mulli
            return one("D-form po " + po, d(po, reg(r), reg(r), r.nextInt(65536)), state(r));
        }));
        g.add(new Group("add_subf_XO", r -> {
            int xo = pick(r, 266, 40, 10, 8, 138, 136, 234, 232, 202, 200, 104);
            boolean unary = xo >= 200 && xo != 266 || xo == 104;
            int w = xo(reg(r), reg(r), unary ? 0 : reg(r), bit(r), xo, bit(r));
            return one("XO xo " + xo, w, state(r));
        }));
        g.add(new Group("multiply", r -> {
            int kind = r.nextInt(9);
            int w = switch (kind) {
                case 0 -> xo(reg(r), reg(r), reg(r), bit(r), 235, bit(r)); // mullw
                case 1 -> xo(reg(r), reg(r), reg(r), bit(r), 233, bit(r)); // mulld
                case 2 -> xo(reg(r), reg(r), reg(r), false, 75, bit(r));  // mulhw
                case 3 -> xo(reg(r), reg(r), reg(r), false, 11, bit(r));  // mulhwu
                case 4 -> xo(reg(r), reg(r), reg(r), false, 73, bit(r));  // mulhd
                case 5 -> xo(reg(r), reg(r), reg(r), false, 9, bit(r));   // mulhdu
                case 6 -> va(reg(r), reg(r), reg(r), reg(r), 48);         // maddhd
                case 7 -> va(reg(r), reg(r), reg(r), reg(r), 49);         // maddhdu
                default -> va(reg(r), reg(r), reg(r), reg(r), 51);        // maddld
            };
            return one("multiply " + kind, w, state(r));
        }));
        g.add(new Group("divide", r -> {
            int xo = pick(r, 491, 459, 489, 457, 427, 395, 425, 393);
            return one("divide xo " + xo, xo(reg(r), reg(r), reg(r), bit(r), xo, bit(r)), state(r));
        }));
        g.add(new Group("modulo", r -> {
            int xo = pick(r, 779, 267, 777, 265);
            return one("mod xo " + xo, x31(reg(r), reg(r), reg(r), xo, false), state(r));
        }));
        // ---- 3.3.10 compare, 3.3.12 isel, setb
        g.add(new Group("compare", r -> {
            int bf = r.nextInt(8), l = r.nextInt(2);
            int w = switch (r.nextInt(6)) {
                case 0 -> x31(bf << 2 | l, reg(r), reg(r), 0, false);        // cmp
                case 1 -> x31(bf << 2 | l, reg(r), reg(r), 32, false);       // cmpl
                case 2 -> d(11, bf << 2 | l, reg(r), r.nextInt(65536));      // cmpi
                case 3 -> d(10, bf << 2 | l, reg(r), r.nextInt(65536));      // cmpli
                case 4 -> x31(bf << 2 | l, reg(r), reg(r), 192, false);      // cmprb
                default -> x31(bf << 2, reg(r), reg(r), 224, false);         // cmpeqb
            };
            return one("compare", w, state(r));
        }));
        g.add(new Group("isel_setb", r -> {
            int w = r.nextBoolean() ? a(31, reg(r), reg(r), reg(r), r.nextInt(32), 15, false)
                    : x31(reg(r), r.nextInt(8) << 2, 0, 128, false);
            return one("isel/setb", w, state(r));
        }));
        // ---- 3.3.13 logical
        g.add(new Group("logical", r -> {
            int w;
            if (r.nextInt(3) == 0) {
                int po = pick(r, 28, 29, 24, 25, 26, 27); // andi. andis. ori oris xori xoris
                w = d(po, reg(r), reg(r), r.nextInt(65536));
            } else {
                int xo = pick(r, 28, 60, 444, 412, 316, 476, 124, 284);
                w = x31(reg(r), reg(r), reg(r), xo, bit(r));
            }
            return one("logical", w, state(r));
        }));
        g.add(new Group("extend_count_popcount", r -> {
            int xo = pick(r, 954, 922, 986, 26, 58, 538, 570, 122, 378, 506, 154, 186, 508, 252);
            boolean hasRc = xo == 954 || xo == 922 || xo == 986 || xo == 26 || xo == 58 || xo == 538 || xo == 570;
            boolean twoSources = xo == 508 || xo == 252;
            return one("xo " + xo, x31(reg(r), reg(r), twoSources ? reg(r) : 0, xo, hasRc && bit(r)), state(r));
        }));
        // ---- 3.3.14 rotate and shift
        g.add(new Group("rotate", r -> {
            int w = switch (r.nextInt(9)) {
                case 0 -> m(21, reg(r), reg(r), r.nextInt(32), r.nextInt(32), r.nextInt(32), bit(r)); // rlwinm
                case 1 -> m(23, reg(r), reg(r), reg(r), r.nextInt(32), r.nextInt(32), bit(r));       // rlwnm
                case 2 -> m(20, reg(r), reg(r), r.nextInt(32), r.nextInt(32), r.nextInt(32), bit(r)); // rlwimi
                case 3 -> md(reg(r), reg(r), r.nextInt(64), r.nextInt(64), 0, bit(r));               // rldicl
                case 4 -> md(reg(r), reg(r), r.nextInt(64), r.nextInt(64), 1, bit(r));               // rldicr
                case 5 -> md(reg(r), reg(r), r.nextInt(64), r.nextInt(64), 2, bit(r));               // rldic
                case 6 -> md(reg(r), reg(r), r.nextInt(64), r.nextInt(64), 3, bit(r));               // rldimi
                case 7 -> mds(reg(r), reg(r), reg(r), r.nextInt(64), 8, bit(r));                     // rldcl
                default -> mds(reg(r), reg(r), reg(r), r.nextInt(64), 9, bit(r));                    // rldcr
            };
            return one("rotate", w, state(r));
        }));
        g.add(new Group("shift", r -> {
            int w = switch (r.nextInt(9)) {
                case 0 -> x31(reg(r), reg(r), reg(r), 24, bit(r));       // slw
                case 1 -> x31(reg(r), reg(r), reg(r), 536, bit(r));      // srw
                case 2 -> x31(reg(r), reg(r), reg(r), 792, bit(r));      // sraw
                case 3 -> x31(reg(r), reg(r), r.nextInt(32), 824, bit(r)); // srawi
                case 4 -> x31(reg(r), reg(r), reg(r), 27, bit(r));       // sld
                case 5 -> x31(reg(r), reg(r), reg(r), 539, bit(r));      // srd
                case 6 -> x31(reg(r), reg(r), reg(r), 794, bit(r));      // srad
                case 7 -> xs(reg(r), reg(r), r.nextInt(64), 413, bit(r)); // sradi
                default -> xs(reg(r), reg(r), r.nextInt(64), 445, bit(r)); // extswsli
            };
            return one("shift", w, state(r));
        }));
        // ---- 2.5 CR logical, 3.3.17 moves to and from system registers
        g.add(new Group("cr_logical", r -> {
            int w = r.nextInt(9) == 0 ? xl(r.nextInt(8) << 2, r.nextInt(8) << 2, 0, 0, false) // mcrf
                    : xl(reg(r), reg(r), reg(r), pick(r, 257, 225, 449, 193, 33, 289, 129, 417), false);
            return one("cr logical", w, state(r));
        }));
        g.add(new Group("spr_cr_moves", r -> {
            int w = switch (r.nextInt(8)) {
                case 0 -> xfx(reg(r), pick(r, 1, 8, 9), 339);                      // mfspr xer/lr/ctr
                case 1 -> xfx(reg(r), pick(r, 1, 8, 9), 467);                      // mtspr
                case 2 -> 31 << 26 | reg(r) << 21 | 19 << 1;                       // mfcr
                case 3 -> 31 << 26 | reg(r) << 21 | 1 << 20 | (1 << r.nextInt(8)) << 12 | 19 << 1; // mfocrf
                case 4 -> 31 << 26 | reg(r) << 21 | r.nextInt(256) << 12 | 144 << 1; // mtcrf
                case 5 -> 31 << 26 | reg(r) << 21 | 1 << 20 | (1 << r.nextInt(8)) << 12 | 144 << 1; // mtocrf
                case 6 -> 31 << 26 | reg(r) << 21 | 1 << 20 | r.nextInt(256) << 12 | 144 << 1; // mtocrf, any FXM
                default -> 31 << 26 | reg(r) << 21 | 1 << 20 | r.nextInt(256) << 12 | 19 << 1; // mfocrf, any FXM
            };
            P64State s = state(r);
            if (r.nextBoolean()) {
                s.r[r.nextInt(32)] = r.nextLong() & P64State.XER_DEFINED; // a value mtxer can take
            }
            return one("spr/cr move", w, s);
        }));
        // ---- 2.4 branches: each jumps forward over one instruction to the end or falls through
        g.add(new Group("branch_conditional", r -> {
            int bo = r.nextInt(32), bi = r.nextInt(32);
            boolean lk = bit(r);
            int[] code = P64Case.assemble((a, end) -> {
                a.bc(bo, bi, end);
                a.addi(3, 3, 1); // skipped when taken
            });
            if (lk) {
                code[0] |= 1;
            }
            P64State s = state(r);
            if (r.nextBoolean()) {
                s.ctr = r.nextInt(3); // CTR near zero: both outcomes of the decrement test
            }
            return new P64Case(code, s, "bc " + bo + "," + bi + (lk ? " (LK)" : ""));
        }));
        g.add(new Group("branch_register", r -> {
            int kind = r.nextInt(3); // bclr, bcctr, bctar (TAR is not in the dump: use bclr/bcctr mostly)
            int xoBranch = kind == 0 ? 16 : 528;
            int bo = r.nextInt(32), bi = r.nextInt(32);
            boolean lk = bit(r);
            boolean viaLr = kind == 0;
            int target = viaLr ? 8 : 9;
            int[] code = P64Case.assemble((a, end) -> {
                P64Asm.Label here = a.newLabel();
                a.bl(here);
                a.bind(here);
                a.mflr(5);
                a.addi(5, 5, 5 * 4); // the end: mflr, addi, mtspr, branch, skipped
                a.mtspr(target, 5);
                a.word(xl(bo, bi, 0, xoBranch, lk));
                a.addi(3, 3, 1);
            });
            P64State s = state(r);
            s.ctr = r.nextInt(3);
            return new P64Case(code, s, (viaLr ? "bclr " : "bcctr ") + bo + "," + bi + (lk ? " (LK)" : ""));
        }));
        // ---- 3.3.2-3.3.8 loads and stores, base r5 in the window, index r6
        g.add(new Group("load_store", r -> {
            P64State s = state(r);
            s.r[5] = W + 64 + 8 * r.nextInt(16);
            s.r[6] = 8 * r.nextInt(8) - 32;
            int rt = r.nextInt(32);
            while (rt == 5 || rt == 6) {
                rt = r.nextInt(32);
            }
            int imm = 8 * r.nextInt(8) - 32;
            int w = switch (r.nextInt(4)) {
                case 0 -> d(pick(r, 34, 35, 40, 41, 42, 43, 32, 33, 38, 39, 44, 45, 36, 37), rt, 5, imm + r.nextInt(4));
                case 1 -> ds(pick(r, 58, 62), rt, 5, imm, pick(r, 0, 0, 1, 2)); // ld ldu lwa / std stdu stq
                case 2 -> x31(rt, 5, 6, pick(r, 87, 119, 279, 311, 343, 375, 23, 55, 341, 373, 21, 53, 215, 247, 407,
                        439, 151, 183, 149, 181), false);
                default -> x31(rt, pick(r, 0, 5), 6, pick(r, 790, 534, 532, 918, 662, 660), false);
            };
            if (w >>> 26 == 31 && (w >>> 16 & 31) == 0) {
                s.r[6] = W + 64; // (RA|0) + RB: RB alone addresses the window
            }
            return one("load/store", w, s);
        }));
        g.add(new Group("load_store_quadword", r -> {
            P64State s = state(r);
            s.r[5] = W + 64 + (r.nextInt(4) == 0 ? 8 : 0); // now and then not quadword aligned
            int rt = 2 * r.nextInt(16);
            while (rt == 4 || rt == 6) {
                rt = 2 * r.nextInt(16);
            }
            int offset = 16 * (r.nextInt(8) - 4);
            int w = r.nextBoolean() ? 56 << 26 | rt << 21 | 5 << 16 | (offset & 0xFFF0) // lq
                    : ds(62, rt, 5, offset, 2); // stq
            return one("lq/stq", w, s);
        }));
        g.add(new Group("reserve_conditional", r -> {
            int size = pick(r, 1, 2, 4, 8);
            int larx = size == 1 ? 52 : size == 2 ? 116 : size == 4 ? 20 : 84;
            int stcx = size == 1 ? 694 : size == 2 ? 726 : size == 4 ? 150 : 214;
            P64State s = state(r);
            s.r[5] = W + 64 + size * r.nextInt(8);
            s.r[6] = 0;
            boolean reserve = r.nextInt(4) != 0;
            boolean sameAddress = r.nextInt(4) != 0;
            int[] code = P64Case.assemble((a, end) -> {
                if (reserve) {
                    a.word(x31(7, 5, 6, larx, false));
                    a.addi(7, 7, 1);
                }
                a.word(x31(7, 5, sameAddress ? 6 : 8, stcx, true));
            });
            s.r[8] = size;
            return new P64Case(code, s, "larx/stcx. size " + size);
        }));
        g.add(new Group("dcbz", r -> {
            P64State s = state(r);
            s.r[5] = W + r.nextInt(256);
            s.r[6] = r.nextInt(3) - 1;
            return one("dcbz", x31(0, 5, 6, 1014, false), s);
        }));
        return g;
    }

    /** The traps end the program: few cases, small batches. */
    static List<Group> fatalGroups() {
        List<Group> g = new ArrayList<>();
        g.add(new Group("trap", r -> {
            int w = switch (r.nextInt(4)) {
                case 0 -> x31(r.nextInt(32), reg(r), reg(r), 4, false);  // tw
                case 1 -> x31(r.nextInt(32), reg(r), reg(r), 68, false); // td
                case 2 -> d(3, r.nextInt(32), reg(r), r.nextInt(65536)); // twi
                default -> d(2, r.nextInt(32), reg(r), r.nextInt(65536)); // tdi
            };
            return one("trap", w, state(r));
        }));
        return g;
    }

    @TestFactory
    Stream<DynamicTest> eachClassOnEachTier() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Group group : groups()) {
            for (GuestRunner tier : List.of(INTERPRETER, COMPILER)) {
                tests.add(DynamicTest.dynamicTest(group.name() + " on " + tier.name(), () -> {
                    CampaignReport report = DiffCampaign.of(group.name(), P64DiffProgram.INSTANCE, group.gen()::apply)
                            .run(qemu, tier);
                    report.assertNoMismatches();
                }));
            }
        }
        for (Group group : fatalGroups()) {
            tests.add(DynamicTest.dynamicTest(group.name() + " on " + COMPILER.name(), () -> {
                CampaignReport report = DiffCampaign.of(group.name(), P64DiffProgram.INSTANCE, group.gen()::apply)
                        .cases(Math.min(40, Integer.getInteger("emu.diff.cases", 40))).batch(8)
                        .run(qemu, COMPILER);
                report.assertNoMismatches();
            }));
        }
        return tests.stream();
    }
}
