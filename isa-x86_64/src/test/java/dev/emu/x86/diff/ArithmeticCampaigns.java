package dev.emu.x86.diff;

import static dev.emu.x86.diff.X86Campaigns.AF;
import static dev.emu.x86.diff.X86Campaigns.ALL;
import static dev.emu.x86.diff.X86Campaigns.CF;
import static dev.emu.x86.diff.X86Campaigns.OF;
import static dev.emu.x86.diff.X86Campaigns.PF;
import static dev.emu.x86.diff.X86Campaigns.SF;
import static dev.emu.x86.diff.X86Campaigns.ZF;
import static dev.emu.x86.diff.X86Campaigns.emit;
import static dev.emu.x86.diff.X86Campaigns.of;
import static dev.emu.x86.diff.X86Campaigns.shiftMask;

import dev.emu.x86.diff.X86Campaigns.Group;
import dev.emu.x86.diff.X86Campaigns.LiftMask;

import java.util.List;

/** Campaigns: ALU ops, TEST/INC/DEC/NEG/NOT, shifts and rotates, SHLD/SHRD, MUL/DIV, bit ops, and sequences of them. */
final class ArithmeticCampaigns {
    private ArithmeticCampaigns() {}

    static void add(List<Group> g) {
        // ---- ALU ops, register forms 00-3B (Eb,Gb / Ev,Gv / Gb,Eb / Gv,Ev)
        g.add(new Group("alu_reg", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int op = r.nextInt(8);
            int form = r.nextInt(4);
            x.size((form & 1) == 0);
            x.regForm(new int[] {op << 3 | form}, x.reg(), x.reg());
            // logic ops: AF undefined
            return of(x, "alu op " + op + " form " + form + " size " + x.size, op == 1 || op == 4 || op == 6 ? ALL & ~AF : ALL);
        }));

        // ---- ALU ops, immediate forms: 04/05 (acc), 80/81/83 groups on registers
        g.add(new Group("alu_imm", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int op = r.nextInt(8);
            int kind = r.nextInt(5);
            long mask = op == 1 || op == 4 || op == 6 ? ALL & ~AF : ALL;
            switch (kind) {
                case 0 -> {
                    x.size(true);
                    x.prefixes(0, 0, 0);
                    x.raw(op << 3 | 4);
                    x.imm(1, r.nextInt(256));
                }
                case 1 -> {
                    x.size(false);
                    x.prefixes(0, 0, 0);
                    x.raw(op << 3 | 5);
                    x.imm(x.size == 16 ? 2 : 4, X86Gen.imm32(r));
                }
                case 2 -> {
                    x.size(true);
                    x.regForm(new int[] {0x80}, op, x.reg());
                    x.imm(1, r.nextInt(256));
                }
                case 3 -> {
                    x.size(false);
                    x.regForm(new int[] {0x81}, op, x.reg());
                    x.imm(x.size == 16 ? 2 : 4, X86Gen.imm32(r));
                }
                default -> {
                    x.size(false);
                    x.regForm(new int[] {0x83}, op, x.reg());
                    x.imm(1, r.nextInt(256));
                }
            }
            return of(x, "alu op " + op + " imm kind " + kind + " size " + x.size, mask);
        }));
        // ---- ALU ops with a memory operand (both directions, immediates), LOCK on a memory destination
        g.add(new Group("alu_mem", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int op = r.nextInt(8);
            int kind = r.nextInt(6);
            long mask = op == 1 || op == 4 || op == 6 ? ALL & ~AF : ALL;
            boolean lock = op != 7 && (kind == 0 || kind == 1 || kind >= 4) && r.nextInt(3) == 0;
            if (lock) {
                x.raw(0xF0);
            }
            switch (kind) {
                case 0, 1, 2, 3 -> {
                    x.size((kind & 1) == 0);
                    x.memForm(new int[] {op << 3 | kind}, x.reg(), 8);
                }
                case 4 -> {
                    x.size(r.nextBoolean());
                    x.memForm(new int[] {x.size == 8 ? 0x80 : 0x83}, op, 8);
                    x.imm(1, r.nextInt(256));
                }
                default -> {
                    x.size(false);
                    x.memForm(new int[] {0x81}, op, 8);
                    x.imm(x.size == 16 ? 2 : 4, X86Gen.imm32(r));
                }
            }
            return of(x, (lock ? "lock " : "") + "alu op " + op + " mem kind " + kind + " size " + x.size, mask);
        }));
        // ---- TEST (84/85/A8/A9/F6-F7 /0), INC/DEC (FE/FF /0 /1), NOT/NEG (F6/F7 /2 /3), reg and mem
        g.add(new Group("test_incdec_negnot", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int kind = r.nextInt(6);
            boolean mem = r.nextBoolean();
            x.size(r.nextInt(4) == 0);
            int grp = x.size == 8 ? 0 : 1;
            long mask = ALL;
            int digit;
            int[] opc;
            switch (kind) {
                case 0 -> { // TEST r/m, reg
                    opc = new int[] {0x84 | grp};
                    digit = x.reg();
                    mask = ALL & ~AF;
                }
                case 1 -> { // TEST r/m, imm
                    opc = new int[] {0xF6 | grp};
                    digit = 0;
                    mask = ALL & ~AF;
                }
                case 2, 3 -> { // INC, DEC
                    opc = new int[] {0xFE | grp};
                    digit = kind - 2;
                }
                default -> { // NOT, NEG
                    opc = new int[] {0xF6 | grp};
                    digit = kind - 2;
                }
            }
            boolean lock = mem && kind >= 2 && r.nextInt(3) == 0;
            if (lock) {
                x.raw(0xF0);
            }
            if (mem) {
                x.memForm(opc, digit, 8);
            } else {
                x.regForm(opc, digit, x.reg());
            }
            if (kind == 1) {
                x.imm(x.size == 8 ? 1 : x.size == 16 ? 2 : 4, X86Gen.imm32(r));
            }
            return of(x, (lock ? "lock " : "") + "test/inc/dec/not/neg kind " + kind + " size " + x.size, mask);
        }));
        // ---- shifts and rotates, group 2: C0/C1 Ib, D0/D1 by 1, D2/D3 by CL; masks per SDM
        g.add(new Group("shift_rotate", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int op = r.nextInt(8);
            int by = r.nextInt(3);
            x.size(r.nextInt(4) == 0);
            boolean mem = r.nextInt(3) == 0;
            int count;
            int opc = (by == 0 ? 0xC0 : by == 1 ? 0xD0 : 0xD2) | (x.size == 8 ? 0 : 1);
            if (mem) {
                x.memForm(new int[] {opc}, op, 8, 1);
            } else {
                int rm = x.reg();
                x.regForm(new int[] {opc}, op, rm);
            }
            int raw = by == 0 ? r.nextInt(70) : by == 1 ? 1 : r.nextInt(70);
            if (by == 0) {
                x.imm(1, raw);
            } else if (by == 2) {
                x.s.gpr[1] = x.s.gpr[1] & ~0xFFL | raw;
            }
            count = raw & (x.size == 64 ? 63 : 31);
            // if the operand is CL itself the count is CL's value after the state load
            if (!mem && by == 2) {
                count = (int) (x.s.gpr[1] & (x.size == 64 ? 63 : 31));
            }
            return of(x, "group2 /" + op + " by " + (by == 0 ? "imm " : by == 1 ? "1 " : "cl ") + raw + " size " + x.size,
                    shiftMask(op, x.size, count));
        }));

        // ---- SHLD/SHRD by Ib and CL; 16-bit counts above 16 are undefined and not drawn
        g.add(new Group("shld_shrd", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            x.size(false);
            boolean byCl = r.nextBoolean();
            int opc = (r.nextBoolean() ? 0xA4 : 0xAC) | (byCl ? 1 : 0);
            int limit = x.size == 16 ? 17 : 70;
            int raw = r.nextInt(limit);
            int src = x.reg();
            boolean mem = r.nextInt(3) == 0;
            if (mem) {
                x.memForm(new int[] {0x0F, opc}, src, 8, 1);
            } else {
                x.regForm(new int[] {0x0F, opc}, src, x.reg());
            }
            if (byCl) {
                x.s.gpr[1] = x.s.gpr[1] & ~0xFFL | raw;
            } else {
                x.imm(1, raw);
            }
            int n = (int) ((byCl ? x.s.gpr[1] : raw) & (x.size == 64 ? 63 : 31));
            if (x.size == 16 && n > 16) {
                x.s.gpr[1] &= ~0x1FL; // keep the count defined
                n = 0;
            }
            long mask = n == 0 ? ALL : (n == 1 ? ALL & ~AF : ALL & ~(AF | OF));
            return of(x, (opc < 0xA8 ? "shld" : "shrd") + (byCl ? " cl " : " imm ") + raw + " size " + x.size, mask);
        }));
        // ---- MUL/IMUL/DIV/IDIV (F6/F7 /4../7), IMUL 0F AF, 69, 6B
        g.add(new Group("mul_div", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int kind = r.nextInt(7);
            boolean mem = r.nextInt(3) == 0;
            long mulMask = CF | OF; // SF ZF AF PF undefined after MUL/IMUL
            switch (kind) {
                case 0, 1 -> { // MUL, IMUL one operand
                    x.size(r.nextInt(4) == 0);
                    emit(x, new int[] {x.size == 8 ? 0xF6 : 0xF7}, 4 + kind, mem);
                    return of(x, (kind == 0 ? "mul" : "imul") + " size " + x.size, mulMask);
                }
                case 2 -> { // IMUL Gv, Ev
                    x.size(false);
                    emit(x, new int[] {0x0F, 0xAF}, x.reg(), mem);
                    return of(x, "imul r, r/m size " + x.size, mulMask);
                }
                case 3 -> { // IMUL Gv, Ev, Iz / Ib
                    x.size(false);
                    boolean ib = r.nextBoolean();
                    emit(x, new int[] {ib ? 0x6B : 0x69}, x.reg(), mem);
                    x.imm(ib ? 1 : x.size == 16 ? 2 : 4, X86Gen.imm32(r));
                    return of(x, "imul r, r/m, imm size " + x.size, mulMask);
                }
                default -> { // DIV, IDIV: all flags undefined; small high halves so most do not fault
                    boolean signed = kind >= 5;
                    x.size(r.nextInt(4) == 0);
                    long hi = r.nextInt(4) == 0 ? x.s.gpr[2] : r.nextInt(3) - 1;
                    x.s.gpr[2] = hi;
                    int divisorReg;
                    do {
                        divisorReg = x.reg();
                    } while (divisorReg == 0 || divisorReg == 2 || divisorReg == 4);
                    if (mem) {
                        x.memForm(new int[] {x.size == 8 ? 0xF6 : 0xF7}, signed ? 7 : 6, 8, 0, 2);
                    } else {
                        x.regForm(new int[] {x.size == 8 ? 0xF6 : 0xF7}, signed ? 7 : 6, divisorReg);
                        if (r.nextInt(8) == 0) {
                            x.s.gpr[divisorReg] = 0;
                        }
                    }
                    return of(x, (signed ? "idiv" : "div") + " size " + x.size, 0);
                }
            }
        }));
        // ---- BT/BTS/BTR/BTC (reg and imm offsets, reg and mem), BSF/BSR, TZCNT/LZCNT/POPCNT
        g.add(new Group("bit_ops", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int kind = r.nextInt(9);
            boolean mem = r.nextBoolean();
            x.size(false);
            if (kind < 4) { // BT* Ev, Gv
                int[] opc = {0xA3, 0xAB, 0xB3, 0xBB};
                int reg = x.regNoSp();
                boolean lock = mem && kind > 0 && r.nextInt(3) == 0;
                if (lock) {
                    x.raw(0xF0);
                }
                if (mem) {
                    x.memForm(new int[] {0x0F, opc[kind]}, reg, 8);
                    // a register offset addresses memory around the operand: keep it within +-64 bits
                    x.s.gpr[reg] = r.nextInt(128) - 64;
                } else {
                    x.regForm(new int[] {0x0F, opc[kind]}, reg, x.reg());
                }
                return of(x, (lock ? "lock " : "") + "bt* reg kind " + kind + " size " + x.size, ALL & ~(OF | SF | AF | PF));
            }
            if (kind < 8) { // BT* Ev, Ib
                emit(x, new int[] {0x0F, 0xBA}, kind, mem);
                x.imm(1, r.nextInt(256));
                return of(x, "bt* imm /" + kind + " size " + x.size, ALL & ~(OF | SF | AF | PF));
            }
            int which = r.nextInt(5);
            int[][] forms = {{0x0F, 0xBC}, {0x0F, 0xBD}, {0x0F, 0xBC}, {0x0F, 0xBD}, {0x0F, 0xB8}};
            if (which >= 2) {
                x.raw(0xF3);
            }
            int dst = x.reg();
            if (r.nextInt(4) == 0 && which >= 2) {
                // a zero source: TZCNT/LZCNT give the width
                x.regForm(forms[which], dst, 0);
                x.s.gpr[0] = 0;
            } else {
                emit(x, forms[which], dst, mem);
            }
            long mask = switch (which) {
                case 0, 1 -> ZF;                          // BSF/BSR: CF OF SF AF PF undefined
                case 2, 3 -> ALL & ~(OF | SF | AF | PF);  // TZCNT/LZCNT
                default -> ALL;                           // POPCNT clears them
            };
            return of(x, new String[] {"bsf", "bsr", "tzcnt", "lzcnt", "popcnt"}[which] + " size " + x.size, mask | (ALL & 0x400));
        }));
        // ---- BSF/BSR with a zero source: the destination keeps all 64 bits on the host
        // (AMD EPYC); qemu 7.2 zero-extends a 32-bit one, so this runs against the host only
        g.add(new Group("bsf_bsr_zero", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            x.size(false);
            int src = x.regNoSp();
            x.regForm(new int[] {0x0F, r.nextBoolean() ? 0xBC : 0xBD}, x.reg(), src);
            x.s.gpr[src] = r.nextBoolean() ? 0 : x.s.gpr[src] & ~LiftMask.of(x.size);
            return of(x, "bsf/bsr zero source size " + x.size, ZF);
        }, true));
        // ---- sequences of 2..8 register instructions whose flags are all defined (AF aside), so
        // values and flags flow between instructions inside one block: partial-register
        // merges, carries into ADC/SBB, conditions into CMOVcc/SETcc, on both tiers
        g.add(new Group("sequences", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int n = 2 + r.nextInt(7);
            StringBuilder what = new StringBuilder();
            for (int k = 0; k < n; k++) {
                int kind = r.nextInt(7);
                what.append(kind);
                switch (kind) {
                    case 0, 1 -> { // ALU op reg, reg
                        int form = r.nextInt(4);
                        x.size((form & 1) == 0);
                        x.regForm(new int[] {r.nextInt(8) << 3 | form}, x.reg(), x.reg());
                    }
                    case 2 -> { // ALU op reg, imm8
                        x.size(false);
                        x.regForm(new int[] {0x83}, r.nextInt(8), x.reg());
                        x.imm(1, r.nextInt(256));
                    }
                    case 3 -> { // INC/DEC/NEG/NOT
                        x.size(r.nextInt(4) == 0);
                        int d = new int[] {0, 1}[r.nextInt(2)];
                        boolean g3 = r.nextBoolean();
                        x.regForm(new int[] {g3 ? (x.size == 8 ? 0xF6 : 0xF7) : (x.size == 8 ? 0xFE : 0xFF)},
                                g3 ? 2 + d : d, x.reg());
                    }
                    case 4 -> { // CMOVcc
                        x.size(false);
                        x.regForm(new int[] {0x0F, 0x40 + r.nextInt(16)}, x.reg(), x.reg());
                    }
                    case 5 -> { // SETcc
                        x.size(true);
                        x.regForm(new int[] {0x0F, 0x90 + r.nextInt(16)}, 0, x.reg());
                    }
                    default -> { // MOV / MOVZX / MOVSX
                        x.size(false);
                        int[][] ops = {{0x89}, {0x8B}, {0x0F, 0xB6}, {0x0F, 0xBF}, {0x88}};
                        int[] op = ops[r.nextInt(ops.length)];
                        if (op[0] == 0x88) {
                            x.size(true);
                        }
                        x.regForm(op, x.reg(), x.reg());
                    }
                }
                x.rex = 0;
                x.opsize = false;
            }
            return of(x, "sequence " + what, ALL & ~AF);
        }));
    }
}
