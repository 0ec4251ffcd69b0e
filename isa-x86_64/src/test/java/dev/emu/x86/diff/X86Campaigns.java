package dev.emu.x86.diff;

import dev.emu.testkit.diff.x86.X86Case;
import dev.emu.testkit.diff.x86.X86State;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The campaigns, one per opcode group. Each generator draws an encoding and a state; the
 * flag mask says which flags are compared: all of CF PF AF ZF SF DF OF except the ones the
 * SDM calls undefined for that instruction (named next to each mask).
 */
final class X86Campaigns {
    private X86Campaigns() {}

    record Group(String name, Function<Random, X86Case> gen) {}

    static final long ALL = X86State.FLAG_BITS;
    static final long CF = 0x1;
    static final long PF = 0x4;
    static final long AF = 0x10;
    static final long ZF = 0x40;
    static final long SF = 0x80;
    static final long OF = 0x800;

    static X86Case of(X86Gen g, String asm, long mask) {
        X86Case c = new X86Case(g.code(), g.s, asm, mask);
        return g.r.nextInt(4) == 0 ? c.withEndBlock(true) : c;
    }

    static List<Group> groups() {
        List<Group> g = new ArrayList<>();
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
        // ---- MOV forms 88-8B, C6/C7, B0-BF, MOVZX/MOVSX/MOVSXD, reg and mem
        g.add(new Group("mov", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int kind = r.nextInt(8);
            boolean mem = r.nextBoolean();
            switch (kind) {
                case 0 -> { // 88-8B
                    int form = r.nextInt(4);
                    x.size((form & 1) == 0);
                    emit(x, new int[] {0x88 | form}, x.reg(), mem);
                }
                case 1 -> { // C6 / C7
                    x.size(r.nextBoolean());
                    emit(x, new int[] {x.size == 8 ? 0xC6 : 0xC7}, 0, mem);
                    x.imm(x.size == 8 ? 1 : x.size == 16 ? 2 : 4, X86Gen.imm32(r));
                }
                case 2 -> { // B0+r / B8+r, imm64 with REX.W
                    x.size(r.nextBoolean());
                    int reg = x.reg();
                    x.prefixes(0, 0, reg);
                    x.raw((x.size == 8 ? 0xB0 : 0xB8) + (reg & 7));
                    x.imm(x.size / 8, r.nextLong());
                }
                case 3, 4 -> { // MOVZX / MOVSX Gv, Eb / Ew
                    x.size(false);
                    int op = (kind == 3 ? 0xB6 : 0xBE) | r.nextInt(2);
                    emit(x, new int[] {0x0F, op}, x.reg(), mem);
                }
                case 5 -> { // MOVSXD
                    x.size(false);
                    emit(x, new int[] {0x63}, x.reg(), mem);
                }
                case 6 -> { // moffs: A0-A3 with a 64-bit absolute address in the window
                    int op = 0xA0 | r.nextInt(4);
                    x.size((op & 1) == 0);
                    x.prefixes(0, 0, 0);
                    x.raw(op);
                    x.imm(8, X86Gen.W + 64 + r.nextInt(120));
                }
                default -> { // MOV with a 67 prefix: 32-bit addressing
                    x.size(false);
                    x.raw(0x67);
                    emit(x, new int[] {0x8B}, x.reg(), true);
                }
            }
            return of(x, "mov kind " + kind + " size " + x.size, ALL);
        }));
        // ---- LEA with every addressing form (no memory access), sizes 16/32/64, 67 prefix
        g.add(new Group("lea", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            x.size(false);
            if (r.nextInt(4) == 0) {
                x.raw(0x67);
            }
            int dst = x.reg();
            int base = x.regNoSp();
            int index = r.nextInt(16);
            int mod = r.nextInt(3);
            int rm = r.nextInt(8);
            x.prefixes(dst, index, base);
            x.raw(0x8D, mod << 6 | (dst & 7) << 3 | rm);
            if (rm == 4) {
                x.raw(r.nextInt(256) & ~7 | (base & 7));
            }
            if (mod == 1) {
                x.raw(r.nextInt(256));
            } else if (mod == 2 || mod == 0 && (rm == 5 || rm == 4 && (base & 7) == 5)) {
                x.imm(4, r.nextInt());
            }
            return of(x, "lea", ALL);
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
        return g;
    }

    /** Writes opcode + ModRM for a register or an in-window memory operand. */
    static void emit(X86Gen x, int[] opcode, int regField, boolean mem) {
        if (mem) {
            x.memForm(opcode, regField, 8);
        } else {
            x.regForm(opcode, regField, x.reg());
        }
    }

    /**
     * Flags compared after a group-2 instruction with masked count {@code n} (SDM "SAL/SAR/SHL/SHR",
     * "RCL/RCR/ROL/ROR"): nothing changes for n = 0 (all compared); AF is undefined for a
     * non-zero shift; OF is undefined unless n = 1; SHL/SHR of a byte or word by more than its
     * width leave CF undefined too. Rotates define only CF and OF.
     */
    static long shiftMask(int op, int size, int n) {
        if (n == 0) {
            return ALL;
        }
        long m = ALL;
        if (n != 1) {
            m &= ~OF;
        }
        if (op >= 4) {
            m &= ~AF;
            if (n > size && op != 7) {
                m &= ~CF;
            }
        }
        return m;
    }
}
