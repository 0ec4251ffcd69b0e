package dev.emu.arm32.diff;

import dev.emu.arm32.Arm32Isa;
import dev.emu.core.api.Machine;
import dev.emu.testkit.Fixtures;
import dev.emu.testkit.diff.CampaignReport;
import dev.emu.testkit.diff.DiffCampaign;
import dev.emu.testkit.diff.GuestRunner;
import dev.emu.testkit.diff.MachineRunner;
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
 * The A32 instruction set against qemu-arm, class by class, on the interpreter and on the
 * compiled tier: random operands and conditions, R0..R14, the APSR and a memory window
 * compared. {@code -Demu.diff.cases=N} runs more cases per class.
 */
class A32DiffTest {
    static GuestRunner qemu;
    static final GuestRunner INTERPRETER =
            MachineRunner.create(new Arm32Isa(), MachineRunner.SyscallConvention.ARM32, Machine.Tiers.INTERPRETER);
    static final GuestRunner COMPILER =
            MachineRunner.create(new Arm32Isa(), MachineRunner.SyscallConvention.ARM32, Machine.Tiers.COMPILER);
    static final int W = (int) A32DiffProgram.WINDOW;

    @BeforeAll
    static void findQemu() {
        qemu = new QemuRunner(Fixtures.qemu("arm"), List.of("-cpu", "cortex-a15")); // ARMv7-A with idiv, like the core
    }

    record Group(String name, Function<Random, A32Case> gen) {}

    /** R0..R14 (the pc only where a row says so). */
    static int reg(Random r) {
        return r.nextInt(15);
    }

    /** A register other than the pc and SP. */
    static int gpr(Random r) {
        int x = r.nextInt(14);
        return x == 13 ? 12 : x;
    }

    static int cond(Random r) {
        return r.nextInt(15);
    }

    static A32State state(Random r) {
        A32State s = A32State.random(r, 256);
        s.apsr |= r.nextInt(2) << 27; // Q
        return s;
    }

    static A32Case one(String name, int word, A32State s) {
        return A32Case.arm(word, s, name + " 0x" + Integer.toHexString(word));
    }

    static List<Group> groups() {
        List<Group> g = new ArrayList<>();
        // ---- A5.2 data processing
        g.add(new Group("dp_imm", r -> {
            int op = r.nextInt(16);
            int s = op >= 8 && op <= 11 ? 1 : r.nextInt(2);
            int w = cond(r) << 28 | 1 << 25 | op << 21 | s << 20 | r.nextInt(16) << 16 | reg(r) << 12 | r.nextInt(4096);
            return one("dp imm", w, state(r));
        }));
        g.add(new Group("dp_reg", r -> {
            int op = r.nextInt(16);
            int s = op >= 8 && op <= 11 ? 1 : r.nextInt(2);
            int w = cond(r) << 28 | op << 21 | s << 20 | r.nextInt(16) << 16 | reg(r) << 12 | r.nextInt(32) << 7
                    | r.nextInt(4) << 5 | r.nextInt(16);
            return one("dp reg", w, state(r));
        }));
        g.add(new Group("dp_rsr", r -> {
            int op = r.nextInt(16);
            int s = op >= 8 && op <= 11 ? 1 : r.nextInt(2);
            A32State st = state(r);
            int rs = reg(r);
            if (r.nextBoolean()) {
                st.r[rs] = r.nextInt(70); // amounts around 32
            }
            int w = cond(r) << 28 | op << 21 | s << 20 | reg(r) << 16 | reg(r) << 12 | rs << 8 | r.nextInt(4) << 5
                    | 1 << 4 | reg(r);
            return one("dp rsr", w, st);
        }));
        g.add(new Group("MOVW_MOVT", r -> {
            int w = cond(r) << 28 | 0x3 << 24 | r.nextInt(2) << 22 | r.nextInt(16) << 16 | reg(r) << 12
                    | r.nextInt(4096);
            return one("movw/movt", w, state(r));
        }));
        // ---- A5.2.5 / A5.2.7 multiplies, A5.4.4 divides
        g.add(new Group("multiply", r -> {
            int[] ops = {0, 1, 2, 3, 4, 5, 6, 7}; // MUL MLA UMAAL MLS UMULL UMLAL SMULL SMLAL (op << 1 | S)
            int op = ops[r.nextInt(ops.length)];
            int s = op == 2 || op == 3 ? 0 : r.nextInt(2);
            int hi = gpr(r), lo = gpr(r);
            if (op >= 4 && hi == lo || op == 2 && hi == lo) {
                lo = (hi + 1) % 13;
            }
            int w = cond(r) << 28 | op << 21 | s << 20 | hi << 16 | lo << 12 | gpr(r) << 8 | 0x9 << 4 | gpr(r);
            return one("mul/mla/umaal/mls/umull/umlal/smull/smlal", w, state(r));
        }));
        g.add(new Group("halfword_multiply", r -> {
            int op = r.nextInt(4); // SMLAxy, SMLAW/SMULW, SMLALxy, SMULxy
            int d = gpr(r), a = gpr(r);
            if (op == 2 && d == a) {
                a = (d + 1) % 13;
            }
            int mn = r.nextInt(4);
            int w = cond(r) << 28 | 0x10 << 20 | op << 21 | d << 16 | a << 12 | gpr(r) << 8 | 1 << 7 | mn << 5 | gpr(r);
            return one("smulxy family", w, state(r));
        }));
        g.add(new Group("SDIV_UDIV", r -> {
            A32State s = state(r);
            int m = gpr(r);
            if (r.nextInt(4) == 0) {
                s.r[m] = r.nextBoolean() ? 0 : -1;
            }
            int w = cond(r) << 28 | 0x71 << 20 | r.nextInt(2) << 21 | gpr(r) << 16 | 0xF << 12 | m << 8 | 1 << 4 | gpr(r);
            return one("sdiv/udiv", w, s);
        }));
        // ---- media
        g.add(new Group("extend", r -> {
            int op = new int[] {0x68, 0x6A, 0x6B, 0x6C, 0x6E, 0x6F}[r.nextInt(6)];
            int n = r.nextInt(3) == 0 ? 15 : gpr(r);
            int w = cond(r) << 28 | op << 20 | n << 16 | gpr(r) << 12 | r.nextInt(4) << 10 | 0x7 << 4 | gpr(r);
            return one("sxt/uxt(a)", w, state(r));
        }));
        g.add(new Group("reverse_clz", r -> {
            int[] forms = {0x06BF0F30, 0x06BF0FB0, 0x06FF0F30, 0x06FF0FB0, 0x016F0F10}; // REV REV16 RBIT REVSH CLZ
            int w = cond(r) << 28 | forms[r.nextInt(forms.length)] | gpr(r) << 12 | gpr(r);
            return one("rev/rev16/rbit/revsh/clz", w, state(r));
        }));
        g.add(new Group("bitfield", r -> {
            int op = r.nextInt(3); // SBFX, BFI/BFC, UBFX
            int lsb = r.nextInt(32);
            int w;
            if (op == 1) {
                int msb = lsb + r.nextInt(32 - lsb);
                int n = r.nextInt(4) == 0 ? 15 : gpr(r);
                w = cond(r) << 28 | 0x7C << 20 | msb << 16 | gpr(r) << 12 | lsb << 7 | 1 << 4 | n;
            } else {
                int widthm1 = r.nextInt(32 - lsb);
                w = cond(r) << 28 | (op == 0 ? 0x7A : 0x7E) << 20 | widthm1 << 16 | gpr(r) << 12 | lsb << 7 | 0x5 << 4 | gpr(r);
            }
            return one("sbfx/bfi/bfc/ubfx", w, state(r));
        }));
        g.add(new Group("SSAT_USAT", r -> {
            int w = switch (r.nextInt(3)) {
                case 0 -> cond(r) << 28 | 0x06A00010 | r.nextInt(2) << 22 | r.nextInt(32) << 16 | gpr(r) << 12
                        | r.nextInt(32) << 7 | r.nextInt(2) << 6 | gpr(r);
                case 1 -> cond(r) << 28 | 0x06A00F30 | r.nextInt(2) << 22 | r.nextInt(16) << 16 | gpr(r) << 12 | gpr(r);
                default -> cond(r) << 28 | 0x06A00010 | r.nextInt(2) << 22 | r.nextInt(32) << 16 | gpr(r) << 12 | gpr(r);
            };
            return one("ssat/usat(16)", w, state(r));
        }));
        g.add(new Group("dual_and_msw_multiply_USAD8", r -> {
            int[][] forms = {{0x0, 0}, {0x0, 1}, {0x4, 0}, {0x4, 1}, {0x5, 0}, {0x5, 3}, {0x8, 0}}; // op1, op2>>1
            int[] fm = forms[r.nextInt(forms.length)];
            int a = r.nextInt(3) == 0 ? 15 : gpr(r);
            int hi = gpr(r), lo = gpr(r);
            int swap = fm[0] == 0x8 ? 0 : r.nextInt(2);
            int rd = fm[0] == 0x4 ? hi : gpr(r);
            int ra = fm[0] == 0x4 ? lo : (fm[0] == 0x5 && fm[1] == 3 && a == 15 ? 0 : a);
            int w = cond(r) << 28 | 0x07000010 | fm[0] << 20 | rd << 16 | ra << 12 | gpr(r) << 8 | fm[1] << 6
                    | swap << 5 | gpr(r);
            return one("smlad/smlsd/smlald/smlsld/smmla/smmls/usada8", w, state(r));
        }));
        g.add(new Group("QADD_QSUB_PKH", r -> {
            A32State s = state(r);
            if (r.nextBoolean()) {
                s.r[r.nextInt(13)] = r.nextBoolean() ? 0x7FFF_FFF0 : 0x8000_0010;
            }
            int w = r.nextBoolean()
                    ? cond(r) << 28 | 0x01000050 | r.nextInt(4) << 21 | gpr(r) << 16 | gpr(r) << 12 | gpr(r)
                    : cond(r) << 28 | 0x06800010 | gpr(r) << 16 | gpr(r) << 12 | r.nextInt(32) << 7 | r.nextInt(2) << 6
                    | gpr(r);
            return one("qadd/qsub/qdadd/qdsub/pkh", w, s);
        }));
        g.add(new Group("parallel_add_sub_SEL", r -> {
            A32State s = state(r);
            s.apsr |= r.nextInt(16) << 16; // GE
            int w;
            if (r.nextInt(5) == 0) {
                w = cond(r) << 28 | 0x06800FB0 | gpr(r) << 16 | gpr(r) << 12 | gpr(r); // SEL
            } else {
                int kind = new int[] {1, 2, 3, 5, 6, 7}[r.nextInt(6)];
                int op = new int[] {0, 1, 2, 3, 4, 7}[r.nextInt(6)];
                w = cond(r) << 28 | 0x06000F10 | kind << 20 | gpr(r) << 16 | gpr(r) << 12 | op << 5 | gpr(r);
            }
            return one("parallel add/sub, sel", w, s);
        }));
        // ---- A5.3 loads and stores, base r5 inside the window
        g.add(new Group("load_store_word_byte", r -> {
            A32State s = state(r);
            s.r[5] = W + 64 + r.nextInt(128);
            int p = r.nextInt(2), u = r.nextInt(2), b = r.nextInt(2), wb = r.nextInt(2), l = r.nextInt(2);
            int t = gpr(r);
            if (t == 5) {
                t = 6;
            }
            boolean register = r.nextBoolean();
            int w;
            if (register) {
                s.r[7] = r.nextInt(16);
                int shift = r.nextInt(3), imm5 = shift == 0 ? r.nextInt(3) : 0;
                if (t == 7) {
                    t = 8;
                }
                w = cond(r) << 28 | 0x3 << 25 | p << 24 | u << 23 | b << 22 | wb << 21 | l << 20 | 5 << 16 | t << 12
                        | imm5 << 7 | shift << 5 | 7;
            } else {
                w = cond(r) << 28 | 0x2 << 25 | p << 24 | u << 23 | b << 22 | wb << 21 | l << 20 | 5 << 16 | t << 12
                        | r.nextInt(64);
            }
            return one("ldr/str(b) " + (register ? "reg" : "imm"), w, s);
        }));
        g.add(new Group("load_store_extra", r -> {
            A32State s = state(r);
            s.r[5] = W + 64 + r.nextInt(120);
            int p = r.nextInt(2), u = r.nextInt(2), wb = r.nextInt(2), l = r.nextInt(2), op2 = 1 + r.nextInt(3);
            int t = gpr(r);
            boolean dual = l == 0 && op2 != 1;
            if (dual) {
                t = r.nextInt(6) * 2; // r0, r2 .. r10 (r4 and r5 pair with the base: moved below)
                if (t == 4) {
                    t = 8;
                }
            } else if (t == 5) {
                t = 6;
            }
            boolean register = r.nextBoolean();
            int w = cond(r) << 28 | p << 24 | u << 23 | wb << 21 | l << 20 | 5 << 16 | t << 12 | 1 << 7 | op2 << 5 | 1 << 4;
            if (register) {
                int m = 7;
                if (t == 7 || t == 6 && dual) {
                    m = 12;
                }
                s.r[m] = r.nextInt(16);
                w |= m;
            } else {
                int imm = r.nextInt(64);
                w |= 1 << 22 | (imm >> 4) << 8 | (imm & 15);
            }
            return one("ldrh/strh/ldrsb/ldrsh/ldrd/strd " + (register ? "reg" : "imm"), w, s);
        }));
        g.add(new Group("load_store_multiple", r -> {
            A32State s = state(r);
            s.r[5] = W + 96 + 4 * r.nextInt(16);
            int pu = r.nextInt(4), wb = r.nextInt(2), l = r.nextInt(2);
            int list = r.nextInt(1 << 15) & ~(1 << 13); // not pc, not sp
            if (wb == 1 || l == 1) {
                list &= ~(1 << 5);
            }
            if (list == 0) {
                list = 1;
            }
            int w = cond(r) << 28 | 0x4 << 25 | pu << 23 | wb << 21 | l << 20 | 5 << 16 | list;
            return one("ldm/stm", w, s);
        }));
        g.add(new Group("exclusive", r -> {
            int size = r.nextInt(4); // word, doubleword, byte, halfword
            A32State s = state(r);
            s.r[5] = W + 8 * r.nextInt(16);
            int ld = 0x01900F9F | size << 21 | 5 << 16;
            int st = 0x01800F90 | size << 21 | 5 << 16;
            int[] code = {
                0xE0000000 | ld | 0 << 12,            // ldrex{d,b,h} r0(,r1), [r5]
                0xE2800001,                           // add r0, r0, #1
                0xE0000000 | st | 2 << 12 | 0,        // strex{d,b,h} r2, r0(,r1), [r5]
            };
            return new A32Case(code, false, s, "ldrex; add; strex size " + size);
        }));
        // ---- branches, status registers
        g.add(new Group("B_cond", r -> {
            int c = cond(r);
            int[] code = {c << 28 | 0x0A000000, 0xE3A00001}; // b<c> .+8 over mov r0, #1
            return new A32Case(code, false, state(r), "b" + c + " over mov r0, #1");
        }));
        g.add(new Group("BL", r -> {
            int[] code = {cond(r) << 28 | 0x0B000000, 0xE3A00001}; // bl<c> .+8 over mov r0, #1
            return new A32Case(code, false, state(r), "bl<c> over mov r0, #1");
        }));
        g.add(new Group("MSR_MRS", r -> {
            int mask = 1 + r.nextInt(3);
            int first = r.nextBoolean()
                    ? cond(r) << 28 | 0x0120F000 | mask << 18 | gpr(r)
                    : cond(r) << 28 | 0x0320F000 | mask << 18 | r.nextInt(4096);
            int[] code = {first, 0xE10F0000 | gpr(r) << 12};
            return new A32Case(code, false, state(r), "msr; mrs");
        }));
        g.add(new Group("decode_sweep_dp_media_load_store", r -> {
            // random words of the data-processing, media and load/store spaces (bits 27:26 = 00
            // or 01), minus what leaves the code: writes to the PC, BX/BLX, loads of the PC
            int w;
            do {
                w = cond(r) << 28 | r.nextInt(2) << 26 | (r.nextInt() & 0x03FF_FFFF);
            } while ((w >>> 12 & 0xF) == 15 || (w & 0x0FF0_00F0) == 0x0120_0010 || (w & 0x0FF0_00F0) == 0x0120_0030
                    || (w & 0x0FF0_00F0) == 0x0120_0020
                    || (w & 0x0F80_00F0) == 0x0180_0090 && (w >>> 8 & 15) != 15 // ARMv8 LDA/STL/LDAEX/STLEX
                    || (w & 0x0E00_0000) != 0 && (w >>> 16 & 0xF) == 15 && ((w >>> 24 & 1) == 0 || (w >>> 21 & 1) == 1)
                    && (w & 0x0C00_0000) == 0x0400_0000); // writeback to the PC
            A32State s = state(r);
            s.r[r.nextInt(13)] = W + 4 * r.nextInt(48);
            return one("sweep", w, s);
        }));
        return g;
    }

    @TestFactory
    Stream<DynamicTest> eachClassOnEachTier() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Group group : groups()) {
            for (GuestRunner tier : List.of(INTERPRETER, COMPILER)) {
                tests.add(DynamicTest.dynamicTest(group.name() + " on " + tier.name(), () -> {
                    CampaignReport report = DiffCampaign.of(group.name(), A32DiffProgram.INSTANCE, group.gen()::apply)
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
