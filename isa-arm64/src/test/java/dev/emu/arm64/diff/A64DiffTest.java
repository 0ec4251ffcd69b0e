package dev.emu.arm64.diff;

import dev.emu.arm64.Arm64Isa;
import dev.emu.core.api.Machine;
import dev.emu.testkit.Fixtures;
import dev.emu.testkit.diff.CampaignReport;
import dev.emu.testkit.diff.DiffCampaign;
import dev.emu.testkit.diff.GuestRunner;
import dev.emu.testkit.diff.MachineRunner;
import dev.emu.testkit.diff.QemuRunner;
import dev.emu.testkit.diff.a64.A64Case;
import dev.emu.testkit.diff.a64.A64DiffProgram;
import dev.emu.testkit.diff.a64.A64State;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The AArch64 core against qemu-aarch64, instruction class by instruction class, on the
 * interpreter and on the compiled tier: seeded random operands, every register, NZCV and a
 * memory window compared. {@code -Demu.diff.cases=N} runs more cases per class.
 */
class A64DiffTest {
    static GuestRunner qemu;
    static final GuestRunner INTERPRETER =
            MachineRunner.create(new Arm64Isa(), MachineRunner.SyscallConvention.ARM64, Machine.Tiers.INTERPRETER);
    static final GuestRunner COMPILER =
            MachineRunner.create(new Arm64Isa(), MachineRunner.SyscallConvention.ARM64, Machine.Tiers.COMPILER);
    static final long W = A64DiffProgram.WINDOW;

    @BeforeAll
    static void findQemu() {
        qemu = new QemuRunner(Fixtures.qemu("aarch64"));
    }

    /** One instruction class: a name and a generator of its words from random fields. */
    record Group(String name, Function<Random, A64Case> gen) {}

    static int reg(Random r) {
        return r.nextInt(31); // x0..x30 (31 is SP or XZR depending on the operand; covered separately)
    }

    static int reg31(Random r) {
        return r.nextInt(32);
    }

    static A64Case one(String name, int word, A64State s) {
        return new A64Case(word, s, name + " 0x" + Integer.toHexString(word));
    }

    static A64State state(Random r) {
        return A64State.random(r, 256);
    }

    /** A bitmask immediate that DecodeBitMasks accepts: element size, ones, rotation. */
    static int bitmask(Random r, boolean sf) {
        int[] sizes = sf ? new int[] {2, 4, 8, 16, 32, 64} : new int[] {2, 4, 8, 16, 32};
        int e = sizes[r.nextInt(sizes.length)];
        int ones = 1 + r.nextInt(e - 1);
        int rot = r.nextInt(e);
        int n = e == 64 ? 1 : 0;
        int imms = e == 64 ? ones - 1 : ((~(e * 2 - 1)) & 0x3F) | (ones - 1);
        return n << 12 | rot << 6 | imms;
    }

    static List<Group> groups() {
        List<Group> g = new ArrayList<>();
        // ---- C4.1.2 data processing, immediate
        g.add(new Group("ADD_SUB_imm", r -> {
            int sf = r.nextInt(2), op = r.nextInt(2), s = r.nextInt(2), sh = r.nextInt(2);
            int rd = s == 1 ? reg31(r) : reg(r); // a non-flag-setting form writes SP for 31
            int w = sf << 31 | op << 30 | s << 29 | 0b10001 << 24 | sh << 22 | r.nextInt(4096) << 10
                    | reg31(r) << 5 | rd;
            return one("ADD/SUB(S) imm", w, state(r));
        }));
        g.add(new Group("logical_imm", r -> {
            int sf = r.nextInt(2), opc = r.nextInt(4);
            int rd = opc == 3 ? reg31(r) : reg(r);
            int w = sf << 31 | opc << 29 | 0b100100 << 23 | bitmask(r, sf == 1) << 10 | reg31(r) << 5 | rd;
            return one("AND/ORR/EOR/ANDS imm", w, state(r));
        }));
        g.add(new Group("move_wide", r -> {
            int sf = r.nextInt(2);
            int opc = new int[] {0, 2, 3}[r.nextInt(3)];
            int hw = sf == 1 ? r.nextInt(4) : r.nextInt(2);
            int w = sf << 31 | opc << 29 | 0b100101 << 23 | hw << 21 | r.nextInt(65536) << 5 | reg31(r);
            return one("MOVN/MOVZ/MOVK", w, state(r));
        }));
        g.add(new Group("bitfield", r -> {
            int sf = r.nextInt(2), opc = r.nextInt(3);
            int lim = sf == 1 ? 64 : 32;
            int w = sf << 31 | opc << 29 | 0b100110 << 23 | sf << 22 | r.nextInt(lim) << 16 | r.nextInt(lim) << 10
                    | reg31(r) << 5 | reg31(r);
            return one("SBFM/BFM/UBFM", w, state(r));
        }));
        g.add(new Group("EXTR", r -> {
            int sf = r.nextInt(2);
            int w = sf << 31 | 0b00100111 << 23 | sf << 22 | reg31(r) << 16 | r.nextInt(sf == 1 ? 64 : 32) << 10
                    | reg31(r) << 5 | reg31(r);
            return one("EXTR", w, state(r));
        }));
        g.add(new Group("ADR_ADRP", r -> {
            int op = r.nextInt(2);
            int imm = r.nextInt(1 << 21);
            int w = op << 31 | (imm & 3) << 29 | 0b10000 << 24 | (imm >> 2) << 5 | reg31(r);
            return one("ADR/ADRP", w, state(r));
        }));
        // ---- C4.1.6 data processing, register
        g.add(new Group("add_sub_shifted", r -> {
            int sf = r.nextInt(2), op = r.nextInt(2), s = r.nextInt(2), shift = r.nextInt(3);
            int w = sf << 31 | op << 30 | s << 29 | 0b01011 << 24 | shift << 22 | reg31(r) << 16
                    | r.nextInt(sf == 1 ? 64 : 32) << 10 | reg31(r) << 5 | reg31(r);
            return one("ADD/SUB(S) shifted", w, state(r));
        }));
        g.add(new Group("add_sub_extended", r -> {
            int sf = r.nextInt(2), op = r.nextInt(2), s = r.nextInt(2);
            int rd = s == 1 ? reg31(r) : reg(r);
            int w = sf << 31 | op << 30 | s << 29 | 0b01011001 << 21 | reg31(r) << 16 | r.nextInt(8) << 13
                    | r.nextInt(5) << 10 | reg31(r) << 5 | rd;
            return one("ADD/SUB(S) extended", w, state(r));
        }));
        g.add(new Group("logical_shifted", r -> {
            int sf = r.nextInt(2);
            int w = sf << 31 | r.nextInt(4) << 29 | 0b01010 << 24 | r.nextInt(4) << 22 | r.nextInt(2) << 21
                    | reg31(r) << 16 | r.nextInt(sf == 1 ? 64 : 32) << 10 | reg31(r) << 5 | reg31(r);
            return one("AND/BIC/ORR/ORN/EOR/EON/ANDS/BICS shifted", w, state(r));
        }));
        g.add(new Group("adc_sbc", r -> {
            int w = r.nextInt(2) << 31 | r.nextInt(2) << 30 | r.nextInt(2) << 29 | 0b11010000 << 21
                    | reg31(r) << 16 | reg31(r) << 5 | reg31(r);
            return one("ADC/SBC(S)", w, state(r));
        }));
        g.add(new Group("cond_compare", r -> {
            int imm = r.nextInt(2);
            int w = r.nextInt(2) << 31 | r.nextInt(2) << 30 | 1 << 29 | 0b11010010 << 21 | r.nextInt(32) << 16
                    | r.nextInt(16) << 12 | imm << 11 | reg31(r) << 5 | r.nextInt(16);
            return one("CCMN/CCMP", w, state(r));
        }));
        g.add(new Group("cond_select", r -> {
            int w = r.nextInt(2) << 31 | r.nextInt(2) << 30 | 0b11010100 << 21 | reg31(r) << 16
                    | r.nextInt(16) << 12 | r.nextInt(2) << 10 | reg31(r) << 5 | reg31(r);
            return one("CSEL/CSINC/CSINV/CSNEG", w, state(r));
        }));
        g.add(new Group("two_source", r -> {
            int sf = r.nextInt(2);
            int[] ops = {0b000010, 0b000011, 0b001000, 0b001001, 0b001010, 0b001011};
            int w = sf << 31 | 0b11010110 << 21 | reg31(r) << 16 | ops[r.nextInt(ops.length)] << 10
                    | reg31(r) << 5 | reg31(r);
            return one("UDIV/SDIV/LSLV/LSRV/ASRV/RORV", w, state(r));
        }));
        g.add(new Group("crc32", r -> {
            int sz = r.nextInt(4);
            int c = r.nextInt(2);
            int sf = sz == 3 ? 1 : 0;
            int w = sf << 31 | 0b11010110 << 21 | reg31(r) << 16 | 0b010 << 13 | c << 12 | sz << 10
                    | reg31(r) << 5 | reg31(r);
            return one("CRC32/CRC32C", w, state(r));
        }));
        g.add(new Group("one_source", r -> {
            int sf = r.nextInt(2);
            int opcode = sf == 1 ? r.nextInt(6) : new int[] {0, 1, 2, 4, 5}[r.nextInt(5)];
            int w = sf << 31 | 1 << 30 | 0b11010110 << 21 | opcode << 10 | reg31(r) << 5 | reg31(r);
            return one("RBIT/REV16/REV32/REV/CLZ/CLS", w, state(r));
        }));
        g.add(new Group("three_source", r -> {
            int sf = r.nextInt(2);
            int[][] forms = sf == 1
                    ? new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 0}, {5, 0}, {5, 1}, {6, 0}}
                    : new int[][] {{0, 0}, {0, 1}};
            int[] f = forms[r.nextInt(forms.length)];
            int w = sf << 31 | 0b11011 << 24 | f[0] << 21 | reg31(r) << 16 | f[1] << 15 | reg31(r) << 10
                    | reg31(r) << 5 | reg31(r);
            return one("MADD/MSUB/SMADDL/SMSUBL/SMULH/UMADDL/UMSUBL/UMULH", w, state(r));
        }));
        // ---- branches: the code is the branch and a marker it may skip
        g.add(new Group("B_cond", r -> {
            int cond = r.nextInt(15);
            int[] code = A64Case.assemble((a, end) -> {
                a.bCond(dev.emu.testkit.asm.A64Asm.Cond.values()[cond], end);
                a.movz(0, 1, 0);
            });
            return new A64Case(code, state(r), "b." + cond + " over movz x0, #1");
        }));
        g.add(new Group("CBZ_TBZ", r -> {
            int rt = reg(r), bit = r.nextInt(64), kind = r.nextInt(4);
            A64State s = state(r);
            if (r.nextBoolean()) {
                s.x[rt] = 0;
            }
            int[] code = A64Case.assemble((a, end) -> {
                switch (kind) {
                    case 0 -> a.cbz(rt, end);
                    case 1 -> a.cbnz(rt, end);
                    case 2 -> a.tbz(rt, bit, end);
                    default -> a.tbnz(rt, bit, end);
                }
                a.movz(rt == 0 ? 1 : 0, 1, 0);
            });
            return new A64Case(code, s, "cbz/cbnz/tbz/tbnz x" + rt + " #" + bit + " kind " + kind);
        }));
        // ---- loads and stores into the window: base x5 points into it
        g.add(new Group("ldr_str_unsigned_offset", r -> {
            int size = r.nextInt(4);
            int opc = r.nextInt(size == 3 ? 2 : (size == 2 ? 3 : 4)); // STR, LDR, LDRS(64), LDRS(32)
            int scale = 1 << size;
            int imm = r.nextInt(128 / scale);
            A64State s = state(r);
            int rt = reg31(r);
            rt = rt == 5 ? 6 : rt;
            s.x[5] = W + r.nextInt(64);
            int w = size << 30 | 0b111001 << 24 | opc << 22 | imm << 10 | 5 << 5 | rt;
            return one("LDR/STR/LDRS* unsigned offset", w, s);
        }));
        g.add(new Group("ldr_str_pre_post", r -> {
            int size = r.nextInt(4);
            int opc = r.nextInt(size == 3 ? 2 : (size == 2 ? 3 : 4));
            int imm9 = r.nextInt(128) - 64;
            A64State s = state(r);
            int rt = reg31(r);
            rt = rt == 5 ? 6 : rt;
            s.x[5] = W + 64 + r.nextInt(64);
            int w = size << 30 | 0b111000 << 24 | opc << 22 | (imm9 & 0x1FF) << 12 | (r.nextBoolean() ? 3 : 1) << 10
                    | 5 << 5 | rt;
            return one("LDR/STR pre/post-index", w, s);
        }));
        g.add(new Group("ldur_stur", r -> {
            int size = r.nextInt(4);
            int opc = r.nextInt(size == 3 ? 2 : (size == 2 ? 3 : 4));
            int imm9 = r.nextInt(128) - 64;
            A64State s = state(r);
            s.x[5] = W + 64 + r.nextInt(64);
            int w = size << 30 | 0b111000 << 24 | opc << 22 | (imm9 & 0x1FF) << 12 | 5 << 5 | reg31(r);
            return one("LDUR/STUR", w, s);
        }));
        g.add(new Group("ldr_str_register_offset", r -> {
            int size = r.nextInt(4);
            int opc = r.nextInt(size == 3 ? 2 : (size == 2 ? 3 : 4));
            int option = new int[] {2, 3, 6, 7}[r.nextInt(4)];
            int sbit = r.nextInt(2);
            A64State s = state(r);
            s.x[5] = W + 64;
            long index = r.nextInt(16);
            s.x[6] = (option == 6 && r.nextBoolean()) ? -index : index; // SXTW may see negative indexes
            if (option == 6 || option == 2) {
                s.x[6] = (s.x[6] & 0xFFFF_FFFFL) | (r.nextLong() << 32);
            }
            int rt = reg31(r);
            rt = rt == 5 || rt == 6 ? 7 : rt;
            int w = size << 30 | 0b111000 << 24 | opc << 22 | 1 << 21 | 6 << 16 | option << 13 | sbit << 12
                    | 0b10 << 10 | 5 << 5 | rt;
            return one("LDR/STR register offset", w, s);
        }));
        g.add(new Group("ldp_stp", r -> {
            int opc = r.nextInt(3); // 32-bit, LDPSW (loads only), 64-bit
            int l = opc == 1 ? 1 : r.nextInt(2);
            int mode = 1 + r.nextInt(3); // post, offset, pre
            int scale = opc == 2 ? 8 : 4;
            int imm7 = r.nextInt(16) - 8;
            A64State s = state(r);
            s.x[5] = W + 128;
            int rt = reg31(r), rt2 = reg31(r);
            rt = rt == 5 ? 6 : rt;
            rt2 = rt2 == 5 ? 7 : rt2;
            if (l == 1 && rt == rt2) {
                rt2 = (rt2 + 1) % 31 == 5 ? 8 : (rt2 + 1) % 31;
            }
            int w = opc << 30 | 0b101 << 27 | mode << 23 | l << 22 | (imm7 & 0x7F) << 15 | rt2 << 10 | 5 << 5 | rt;
            return one("LDP/STP/LDPSW scale " + scale, w, s);
        }));
        g.add(new Group("exclusive_pair_of_ops", r -> {
            int size = 2 + r.nextInt(2);
            A64State s = state(r);
            s.x[5] = W + 8 * r.nextInt(16);
            int[] code = A64Case.assemble(a -> {
                a.word(size << 30 | 0b001000010 << 21 | 0b11111 << 16 | r.nextInt(2) << 15 | 0b11111 << 10 | 5 << 5 | 1); // LDXR/LDAXR x1, [x5]
                a.word(0x91000421); // add x1, x1, #1
                a.word(size << 30 | 0b001000000 << 21 | 2 << 16 | r.nextInt(2) << 15 | 0b11111 << 10 | 5 << 5 | 1); // STXR/STLXR w2, x1, [x5]
            });
            return new A64Case(code, s, "ldxr; add; stxr size " + size);
        }));
        g.add(new Group("LSE_atomics", r -> {
            int size = r.nextInt(4);
            A64State s = state(r);
            s.x[5] = W + (8 * r.nextInt(16));
            int opc = r.nextInt(8); // LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN
            int a = r.nextInt(2), rr = r.nextInt(2);
            int rs = reg31(r), rt = reg31(r);
            rs = rs == 5 ? 6 : rs;
            rt = rt == 5 ? 7 : rt;
            int w = size << 30 | 0b111000 << 24 | a << 23 | rr << 22 | 1 << 21 | rs << 16 | opc << 12 | 5 << 5 | rt;
            return one("LD<op> (LSE)", w, s);
        }));
        return g;
    }

    @TestFactory
    Stream<DynamicTest> eachClassOnEachTier() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Group group : groups()) {
            for (GuestRunner tier : List.of(INTERPRETER, COMPILER)) {
                tests.add(DynamicTest.dynamicTest(group.name() + " on " + tier.name(), () -> {
                    CampaignReport report = DiffCampaign.of(group.name(), A64DiffProgram.INSTANCE, group.gen()::apply)
                            .run(qemu, tier);
                    report.assertNoMismatches();
                }));
            }
        }
        return tests.stream();
    }
}
