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
 * The Thumb instruction set (16-bit and Thumb-2 32-bit encodings, IT blocks) against
 * qemu-arm, class by class, on the interpreter and on the compiled tier.
 */
class T32DiffTest {
    static GuestRunner qemu;
    static final int W = (int) A32DiffProgram.WINDOW;

    @BeforeAll
    static void findQemu() {
        qemu = new QemuRunner(Fixtures.qemu("arm"), List.of("-cpu", "cortex-a15")); // ARMv7-A with idiv, like the core
    }

    record Group(String name, Function<Random, A32Case> gen) {}

    static int lo(Random r) {
        return r.nextInt(8);
    }

    /** R0..R12 or R14: no SP, no PC. */
    static int gpr(Random r) {
        int x = r.nextInt(14);
        return x == 13 ? 14 : x;
    }

    static A32State state(Random r) {
        A32State s = A32State.random(r, 256);
        s.apsr |= r.nextInt(2) << 27;
        return s;
    }

    static A32Case t(String name, A32State s, int... halves) {
        StringBuilder sb = new StringBuilder(name);
        return A32Case.thumb(halves, s, sb.toString());
    }

    /** A 32-bit instruction as two halfwords. */
    static int[] w32(int word) {
        return new int[] {word >>> 16, word & 0xFFFF};
    }

    /** A modified immediate i:imm3:imm8 that ThumbExpandImm accepts. */
    static int modImm(Random r) {
        int imm12 = r.nextInt(4096);
        if ((imm12 >>> 10) == 0 && ((imm12 >>> 8) & 3) != 0 && (imm12 & 0xFF) == 0) {
            imm12 |= 1;
        }
        return imm12;
    }

    static int withImm12(int word, int imm12) {
        return word | (imm12 >>> 11) << 26 | (imm12 >>> 8 & 7) << 12 | (imm12 & 0xFF);
    }

    /** A 16-bit instruction from the shift/add/sub/move/compare and data-processing spaces. */
    static int alu16(Random r) {
        return r.nextBoolean() ? r.nextInt(0x4000) : 0x4000 | r.nextInt(0x400);
    }

    static final int[] DP_OPS = {0, 1, 2, 3, 4, 8, 10, 11, 13, 14};

    static List<Group> groups() {
        List<Group> g = new ArrayList<>();
        // ---- 16-bit
        g.add(new Group("t16_shift_add_sub_mov_cmp", r -> t("t16 0x0000-0x3fff", state(r), r.nextInt(0x4000))));
        g.add(new Group("t16_data_processing", r -> t("t16 dp", state(r), 0x4000 | r.nextInt(0x400))));
        g.add(new Group("t16_special_data", r -> {
            int op = r.nextInt(3); // ADD, CMP, MOV (high registers)
            int d = gpr(r), m = r.nextInt(15);
            if (op == 1 && d < 8 && m < 8) {
                m += 8; // CMP T2 with both low registers is UNPREDICTABLE
                if (m == 13 || m == 15) {
                    m = 12;
                }
            }
            int h = 0x4400 | op << 8 | (d >> 3) << 7 | m << 3 | (d & 7);
            return t("add/cmp/mov hi 0x" + Integer.toHexString(h), state(r), h);
        }));
        g.add(new Group("t16_load_store", r -> {
            A32State s = state(r);
            s.r[5] = W + 4 * r.nextInt(32);
            s.r[6] = r.nextInt(32);
            s.r[13] = W;
            int rt = lo(r);
            if (rt == 5) {
                rt = 0;
            }
            int h = switch (r.nextInt(5)) {
                case 0 -> 0x5000 | r.nextInt(8) << 9 | 6 << 6 | 5 << 3 | rt;            // register offset
                case 1 -> 0x6000 | r.nextInt(4) << 11 | r.nextInt(32) << 6 | 5 << 3 | rt; // STR/LDR/STRB/LDRB imm5
                case 2 -> 0x8000 | r.nextInt(2) << 11 | r.nextInt(32) << 6 | 5 << 3 | rt; // STRH/LDRH imm5
                case 3 -> 0x9000 | r.nextInt(2) << 11 | rt << 8 | r.nextInt(60);          // STR/LDR [sp, #imm]
                default -> 0xa000 | r.nextInt(2) << 11 | rt << 8 | r.nextInt(256);        // ADR, ADD rd, sp, #imm
            };
            return t("t16 load/store 0x" + Integer.toHexString(h), s, h);
        }));
        g.add(new Group("t16_multiple", r -> {
            A32State s = state(r);
            s.r[5] = W + 64 + 4 * r.nextInt(16);
            s.r[13] = W + 128 + 4 * r.nextInt(16);
            int list = 1 + r.nextInt(255);
            int h = switch (r.nextInt(4)) {
                case 0 -> 0xc000 | 5 << 8 | (list & ~(1 << 5) | 1);   // STM r5!
                case 1 -> 0xc800 | 5 << 8 | list;                       // LDM r5{!}
                case 2 -> 0xb400 | r.nextInt(2) << 8 | list;            // PUSH {.., lr}
                default -> 0xbc00 | list;                               // POP (no pc)
            };
            return t("t16 ldm/stm/push/pop 0x" + Integer.toHexString(h), s, h);
        }));
        g.add(new Group("t16_misc", r -> {
            int h = switch (r.nextInt(4)) {
                case 0 -> 0xb000 | r.nextInt(256);                        // ADD/SUB sp, #imm
                case 1 -> 0xb200 | r.nextInt(256);                        // SXTH/SXTB/UXTH/UXTB
                case 2 -> 0xba00 | new int[] {0, 1, 3}[r.nextInt(3)] << 6 | r.nextInt(64); // REV/REV16/REVSH
                default -> 0xbf00 | r.nextInt(5) << 4;                     // hints
            };
            return t("t16 misc 0x" + Integer.toHexString(h), state(r), h);
        }));
        g.add(new Group("IT_blocks", r -> {
            int first = r.nextInt(14);
            int n = 1 + r.nextInt(4);
            int mask = 0;
            for (int i = 1; i < n; i++) {
                mask |= ((r.nextInt(2) ^ (first & 1)) & 1) << (4 - i) ;
            }
            mask = (mask | 1 << (4 - n)) & 0xF;
            // then-or-else bits are relative to firstcond[0]
            int[] code = new int[1 + n];
            code[0] = 0xbf00 | first << 4 | mask;
            for (int i = 1; i <= n; i++) {
                code[i] = alu16(r);
            }
            return t("it " + Integer.toHexString(first) + " mask " + Integer.toBinaryString(mask), state(r), code);
        }));
        g.add(new Group("IT_blocks_thumb2", r -> {
            // IT with Thumb-2 data processing, loads and stores, and a B.W as the last instruction
            A32State s = state(r);
            s.r[5] = W + 64 + 4 * r.nextInt(32);
            int first = r.nextInt(14);
            int n = 1 + r.nextInt(4);
            int mask = 0;
            for (int i = 1; i < n; i++) {
                mask |= r.nextInt(2) << (4 - i);
            }
            mask |= 1 << (4 - n);
            List<Integer> code = new ArrayList<>();
            code.add(0xbf00 | first << 4 | mask);
            for (int i = 1; i <= n; i++) {
                int k = r.nextInt(i == n ? 5 : 4);
                if (k == 0) {
                    code.add(alu16(r));
                } else if (k == 1 || k == 2) {
                    int op = DP_OPS[r.nextInt(DP_OPS.length)];
                    int d = gpr(r);
                    if (op == 0 || op == 4 || op == 8 || op == 13) {
                        d = r.nextBoolean() ? 15 : d;
                    }
                    int w = withImm12(0xf0000000 | op << 21 | (d == 15 ? 1 : r.nextInt(2)) << 20 | gpr(r) << 16 | d << 8, modImm(r));
                    code.add(w >>> 16);
                    code.add(w & 0xFFFF);
                } else if (k == 3) {
                    int rt = gpr(r);
                    if (rt == 5) {
                        rt = 6;
                    }
                    int w = 0xf8c00000 | r.nextInt(2) << 20 | 5 << 16 | rt << 12 | 4 * r.nextInt(16); // LDR/STR.W [r5, #imm]
                    code.add(w >>> 16);
                    code.add(w & 0xFFFF);
                } else {
                    code.add(0xf000);
                    code.add(0xb800); // b.w .+4 (to the next instruction)
                }
            }
            return t("it (thumb-2) " + Integer.toHexString(first) + " mask " + Integer.toBinaryString(mask), s,
                    code.stream().mapToInt(Integer::intValue).toArray());
        }));
        g.add(new Group("t16_branches", r -> {
            A32State s = state(r);
            int k = r.nextInt(3);
            int[] code;
            if (k == 0) {
                int rn = lo(r);
                if (r.nextBoolean()) {
                    s.r[rn] = 0;
                }
                code = new int[] {0xb100 | r.nextInt(2) << 11 | rn, 0x2001}; // cbz/cbnz rn, .+4 over movs r0, #1
            } else if (k == 1) {
                code = new int[] {0xd000 | r.nextInt(14) << 8, 0x2001};    // b<c> .+4 over movs r0, #1
            } else {
                code = new int[] {0xe000, 0x2001};                         // b .+4
            }
            return t("cbz/b<c>/b over movs r0, #1", s, code);
        }));
        // ---- 32-bit
        g.add(new Group("t32_dp_modified_imm", r -> {
            int op = DP_OPS[r.nextInt(DP_OPS.length)];
            int s = r.nextInt(2);
            int d = gpr(r), n = gpr(r);
            if ((op == 0 || op == 4 || op == 8 || op == 13) && r.nextInt(4) == 0) {
                d = 15;
                s = 1;
            }
            if ((op == 2 || op == 3) && r.nextInt(3) == 0) {
                n = 15;
            }
            if ((op == 8 || op == 13) && r.nextInt(4) == 0 && d != 15) {
                n = 13; // ADD/SUB with SP
            }
            int w = withImm12(0xf0000000 | op << 21 | s << 20 | n << 16 | d << 8, modImm(r));
            return t("t32 dp imm 0x" + Integer.toHexString(w), state(r), w32(w));
        }));
        g.add(new Group("t32_dp_shifted_reg", r -> {
            int op = DP_OPS[r.nextInt(DP_OPS.length)];
            int s = r.nextInt(2);
            int d = gpr(r), n = gpr(r);
            if ((op == 0 || op == 4 || op == 8 || op == 13) && r.nextInt(4) == 0) {
                d = 15;
                s = 1;
            }
            if ((op == 2 || op == 3) && r.nextInt(3) == 0) {
                n = 15;
            }
            int imm5 = r.nextInt(32);
            int w = 0xea000000 | op << 21 | s << 20 | n << 16 | (imm5 >> 2) << 12 | d << 8 | (imm5 & 3) << 6
                    | r.nextInt(4) << 4 | gpr(r);
            return t("t32 dp reg 0x" + Integer.toHexString(w), state(r), w32(w));
        }));
        g.add(new Group("t32_plain_imm", r -> {
            int d = gpr(r), n = gpr(r);
            int w;
            switch (r.nextInt(5)) {
                case 0 -> w = withImm12(0xf2000000 | r.nextInt(2) << 23 | n << 16 | d << 8, r.nextInt(4096)); // ADDW/SUBW
                case 1 -> {
                    int imm16 = r.nextInt(1 << 16);
                    w = withImm12(0xf2400000 | r.nextInt(2) << 23 | (imm16 >>> 12) << 16 | d << 8, imm16 & 0xFFF); // MOVW/MOVT
                }
                case 2, 3 -> {
                    int lsb = r.nextInt(32), width = 1 + r.nextInt(32 - lsb);
                    w = 0xf3400000 | (r.nextBoolean() ? 0x800000 : 0) | n << 16 | (lsb >> 2) << 12 | d << 8 | (lsb & 3) << 6
                            | (width - 1); // SBFX/UBFX
                }
                default -> {
                    int lsb = r.nextInt(32), msb = lsb + r.nextInt(32 - lsb);
                    if (r.nextInt(4) == 0) {
                        n = 15;
                    }
                    w = 0xf3600000 | n << 16 | (lsb >> 2) << 12 | d << 8 | (lsb & 3) << 6 | msb; // BFI/BFC
                }
            }
            return t("t32 plain imm 0x" + Integer.toHexString(w), state(r), w32(w));
        }));
        g.add(new Group("t32_load_store", r -> {
            A32State s = state(r);
            s.r[5] = W + 64 + r.nextInt(128);
            s.r[6] = r.nextInt(16);
            int rt = gpr(r);
            if (rt == 5 || rt == 6) {
                rt = 7;
            }
            int[] ops = {0x00, 0x02, 0x04, 0x01, 0x03, 0x05, 0x11, 0x13}; // STRB STRH STR LDRB LDRH LDR LDRSB LDRSH
            int op = ops[r.nextInt(ops.length)];
            int base = 0xf8000000 | (op & 0x10) << 20 | (op & 0xF) << 20 | 5 << 16 | rt << 12;
            int w = switch (r.nextInt(3)) {
                case 0 -> base | 0x00800000 | r.nextInt(64);                                   // imm12
                case 1 -> {
                    int puw = new int[] {4, 5, 3, 7, 6}[r.nextInt(5)];                       // P U W, not 000
                    yield base | 0x800 | puw << 8 | r.nextInt(64);
                }
                default -> base | r.nextInt(4) << 4 | 6;                                       // [r5, r6, lsl #n]
            };
            return t("t32 ldr/str 0x" + Integer.toHexString(w), s, w32(w));
        }));
        g.add(new Group("t32_dual_multiple", r -> {
            A32State s = state(r);
            s.r[5] = W + 96 + 8 * r.nextInt(8);
            int w;
            if (r.nextBoolean()) {
                int p = r.nextInt(2), u = r.nextInt(2), wb = p == 0 ? 1 : r.nextInt(2), l = r.nextInt(2);
                int t1 = gpr(r), t2 = gpr(r);
                if (t1 == 5) {
                    t1 = 0;
                }
                if (t2 == 5 || t2 == t1) {
                    t2 = t1 == 1 ? 2 : 1;
                }
                w = 0xe8400000 | p << 24 | u << 23 | wb << 21 | l << 20 | 5 << 16 | t1 << 12 | t2 << 8 | r.nextInt(8);
            } else {
                int l = r.nextInt(2), wb = r.nextInt(2), db = r.nextInt(2);
                int list = r.nextInt(1 << 13) & ~(1 << 5);
                if (Integer.bitCount(list) < 2) {
                    list |= 3;
                }
                if (l == 0 || r.nextBoolean()) {
                    list |= r.nextInt(2) << 14;
                }
                w = 0xe8000000 | (db == 1 ? 0x01000000 : 0x00800000) | wb << 21 | l << 20 | 5 << 16 | list;
            }
            return t("t32 ldrd/strd/ldm/stm 0x" + Integer.toHexString(w), s, w32(w));
        }));
        g.add(new Group("t32_multiply_divide", r -> {
            int n = gpr(r), m = gpr(r), d = gpr(r), a = gpr(r);
            int w = switch (r.nextInt(6)) {
                case 0 -> 0xfb000000 | n << 16 | a << 12 | d << 8 | r.nextInt(2) << 4 | m;      // MLA/MLS
                case 1 -> 0xfb00f000 | n << 16 | d << 8 | m;                                      // MUL
                case 2 -> 0xfb100000 | n << 16 | (r.nextBoolean() ? 0xF : a) << 12 | d << 8 | r.nextInt(4) << 4 | m; // SMLAxy/SMULxy
                case 3 -> 0xfb90f0f0 | r.nextInt(2) << 21 | n << 16 | d << 8 | m;                // SDIV/UDIV
                default -> {
                    int lo = d, hi = a == d ? (d + 1) % 13 : a;
                    int op = new int[] {0, 2, 4, 6}[r.nextInt(4)];                               // SMULL UMULL SMLAL UMLAL
                    yield 0xfb800000 | op << 20 | n << 16 | lo << 12 | hi << 8 | m;
                }
            };
            return t("t32 mul/div 0x" + Integer.toHexString(w), state(r), w32(w));
        }));
        g.add(new Group("t32_register_misc", r -> {
            int n = gpr(r), m = gpr(r), d = gpr(r);
            int w = switch (r.nextInt(3)) {
                case 0 -> 0xfa00f000 | r.nextInt(8) << 20 | n << 16 | d << 8 | m;                      // shifts by register
                case 1 -> 0xfa00f080 | r.nextInt(6) << 20 | (r.nextBoolean() ? 15 : n) << 16 | d << 8 | r.nextInt(4) << 4 | m; // extends
                default -> r.nextInt(5) == 0 ? 0xfab0f080 | m << 16 | d << 8 | m
                        : 0xfa90f080 | m << 16 | d << 8 | r.nextInt(4) << 4 | m;                     // CLZ, REV...
            };
            return t("t32 reg misc 0x" + Integer.toHexString(w), state(r), w32(w));
        }));
        g.add(new Group("t32_parallel_add_sub_SEL", r -> {
            A32State s = state(r);
            s.apsr |= r.nextInt(16) << 16; // GE
            int w;
            if (r.nextInt(5) == 0) {
                w = 0xfaa0f080 | gpr(r) << 16 | gpr(r) << 8 | gpr(r); // SEL
            } else {
                int op1 = new int[] {0, 1, 2, 4, 5, 6}[r.nextInt(6)];
                int op2 = new int[] {0, 1, 2, 4, 5, 6}[r.nextInt(6)];
                w = 0xfa80f000 | op1 << 20 | gpr(r) << 16 | gpr(r) << 8 | op2 << 4 | gpr(r);
            }
            return t("t32 parallel/sel 0x" + Integer.toHexString(w), s, w32(w));
        }));
        g.add(new Group("t32_dual_and_msw_multiply", r -> {
            int n = gpr(r), m = gpr(r), d = gpr(r), a = r.nextInt(3) == 0 ? 15 : gpr(r);
            int w = switch (r.nextInt(4)) {
                case 0 -> 0xfb000000 | new int[] {2, 4, 5}[r.nextInt(3)] << 20 | n << 16 | a << 12 | d << 8
                        | r.nextInt(2) << 4 | m;                                            // SMLAD SMLSD SMMLA
                case 1 -> 0xfb600000 | n << 16 | (a == 15 ? 0 : a) << 12 | d << 8 | r.nextInt(2) << 4 | m; // SMMLS
                case 2 -> 0xfb700000 | n << 16 | a << 12 | d << 8 | m;                    // USADA8
                default -> 0xfbc000c0 | r.nextInt(2) << 20 | n << 16 | a % 13 << 12 | d << 8 | r.nextInt(2) << 4 | m; // SMLALD SMLSLD
            };
            return t("t32 dual/msw multiply 0x" + Integer.toHexString(w), state(r), w32(w));
        }));
        g.add(new Group("t32_QADD_PKH", r -> {
            int n = gpr(r), m = gpr(r), d = gpr(r);
            int imm5 = r.nextInt(32);
            int w = r.nextBoolean()
                    ? 0xfa80f080 | n << 16 | d << 8 | r.nextInt(4) << 4 | m
                    : 0xeac00000 | n << 16 | (imm5 >> 2) << 12 | d << 8 | (imm5 & 3) << 6 | r.nextInt(2) << 5 | m;
            return t("t32 qadd/pkh 0x" + Integer.toHexString(w), state(r), w32(w));
        }));
        g.add(new Group("t32_branches", r -> {
            int k = r.nextInt(3);
            int[] over = {0xf04f, 0x0001}; // mov.w r0, #1
            int[] br = switch (k) {
                case 0 -> w32(0xf0008000 | r.nextInt(14) << 22 | 2);   // b<c>.w .+8 (over 4 bytes)
                case 1 -> w32(0xf0009000 | 0x2000 | 0x0800 | 2);       // b.w .+8
                default -> w32(0xf000d000 | 0x2000 | 0x0800 | 2);      // bl .+8
            };
            return t("t32 branch over mov.w r0, #1", state(r), br[0], br[1], over[0], over[1]);
        }));
        g.add(new Group("t32_exclusive", r -> {
            int size = r.nextInt(3); // word, byte, halfword
            A32State s = state(r);
            s.r[5] = W + 8 * r.nextInt(16);
            int[] ld = {0xe8550f00, 0xe8d50f4f, 0xe8d50f5f};
            int[] st = {0xe8450200, 0xe8c50f42, 0xe8c50f52};
            int[] code = {ld[size] >>> 16, ld[size] & 0xFFFF, 0x3001, st[size] >>> 16, st[size] & 0xFFFF};
            return t("ldrex; adds r0, #1; strex size " + size, s, code);
        }));
        g.add(new Group("t16_decode_sweep", r -> {
            // every 16-bit encoding but what leaves the code (branches, PC writes, POP {pc},
            // CBZ/CBNZ, IT, SVC)
            int h;
            boolean leaves;
            do {
                h = r.nextInt(0xE800);
                boolean hiRegToPc = (h & 0xFC00) == 0x4400 && (h & 0x0300) != 0x0100 && (h & 0x87) == 0x87;
                leaves = hiRegToPc || (h & 0xFF00) == 0x4700 || (h & 0xFF00) == 0xBD00 || (h & 0xF500) == 0xB100
                        || (h & 0xFF00) == 0xBF00 && (h & 0xF) != 0 || h >= 0xD000;
            } while (leaves);
            A32State s = state(r);
            s.r[r.nextInt(8)] = W + 4 * r.nextInt(48);
            return t("t16 sweep 0x" + Integer.toHexString(h), s, h);
        }));
        g.add(new Group("t32_decode_sweep", r -> {
            // random 32-bit Thumb words of the data-processing, load/store and multiply spaces,
            // minus what leaves the code (branches, loads of the PC, TBB/TBH) and the coprocessor
            // and Advanced SIMD spaces
            int hw1;
            int hw2;
            boolean leaves;
            do {
                hw1 = switch (r.nextInt(3)) {
                    case 0 -> 0xE800 | r.nextInt(0x400);   // load/store multiple, dual, exclusive; DP shifted register
                    case 1 -> 0xF000 | r.nextInt(0x800);   // DP immediate (hw2[15] = 0 below)
                    default -> 0xF800 | r.nextInt(0x400);  // loads, stores, DP register, multiplies
                };
                hw2 = r.nextInt(0x10000);
                if ((hw1 & 0xF800) == 0xF000) {
                    hw2 &= 0x7FFF;
                }
                boolean loadStoreSingle = (hw1 & 0xFE00) == 0xF800;
                boolean multiple = (hw1 & 0xFE40) == 0xE800 && (hw1 & 0x0180) != 0 && (hw1 & 0x0180) != 0x0180;
                boolean tableBranch = (hw1 & 0xFFF0) == 0xE8D0 && (hw2 & 0xFFE0) == 0xF000;
                boolean dataProcessing = (hw1 & 0xFE00) == 0xEA00 || (hw1 & 0xFA00) == 0xF000
                        || (hw1 & 0xFE00) == 0xFA00 || (hw1 & 0xFF00) == 0xFB00;
                boolean dual = (hw1 & 0xFE40) == 0xE840;
                leaves = loadStoreSingle && (hw1 & 0x10) != 0 && (hw2 >>> 12) == 15
                        || dataProcessing && (hw2 >>> 8 & 15) == 15                      // Rd = PC
                        || dual && ((hw1 & 15) == 15 || (hw2 >>> 12) == 15 || (hw2 >>> 8 & 15) == 15)
                        || (hw1 & 0xFF10) == 0xF900   // stores with bit 24 set: QEMU is lenient with some
                        || multiple && (hw1 & 0x10) != 0 && (hw2 & 0x8000) != 0
                        || tableBranch
                        || (hw1 & 0xFFE0) == 0xE840; // STREX/LDREX T1: QEMU checks alignment only when monitored
            } while (leaves);
            A32State s = state(r);
            s.r[r.nextInt(13)] = W + 4 * r.nextInt(48);
            return t("t32 sweep", s, hw1, hw2);
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
                    report.mismatches().forEach(mm -> System.out.println("MISMATCH " + mm.caseDescription().lines().findFirst().orElse("")
                            + " | " + (mm.problem() == null ? "" : mm.problem().replace('\n', ' '))));
                    report.assertNoMismatches();
                }));
            }
        }
        return tests.stream();
    }
}
