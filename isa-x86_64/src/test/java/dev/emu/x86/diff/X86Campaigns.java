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

    /**
     * One campaign; {@code hostOnly} when qemu is known to differ from the hardware there
     * (the reason next to the group).
     */
    record Group(String name, Function<Random, X86Case> gen, boolean hostOnly) {
        Group(String name, Function<Random, X86Case> gen) {
            this(name, gen, false);
        }
    }

    static final long ALL = X86State.FLAG_BITS;
    static final int WINDOW_LIMIT = 64;
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
        // ---- CMOVcc, SETcc (reg and mem), Jcc rel8 / rel32 over a marker
        g.add(new Group("cmov_setcc_jcc", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int cc = r.nextInt(16);
            int kind = r.nextInt(3);
            boolean mem = r.nextBoolean();
            switch (kind) {
                case 0 -> {
                    x.size(false);
                    emit(x, new int[] {0x0F, 0x40 + cc}, x.reg(), mem);
                }
                case 1 -> {
                    x.size(true);
                    emit(x, new int[] {0x0F, 0x90 + cc}, 0, mem);
                }
                default -> {
                    boolean near = r.nextBoolean();
                    byte[] code = X86Case.assemble((a, end) -> {
                        if (near) {
                            a.jcc(dev.emu.testkit.asm.X86Asm.Cond.values()[cc], end);
                        } else {
                            a.jccShort(dev.emu.testkit.asm.X86Asm.Cond.values()[cc], end);
                        }
                        a.movImm32(0, 0x1234);
                    });
                    x.raw(toInts(code));
                }
            }
            return of(x, "cc " + cc + " kind " + kind, ALL);
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
        // ---- XCHG, BSWAP, CBW/CWDE/CDQE, CWD/CDQ/CQO
        g.add(new Group("xchg_bswap_cbw", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int kind = r.nextInt(5);
            switch (kind) {
                case 0 -> {
                    x.size(r.nextBoolean());
                    emit(x, new int[] {x.size == 8 ? 0x86 : 0x87}, x.reg(), r.nextBoolean());
                }
                case 1 -> {
                    x.size(false);
                    int reg = x.reg();
                    x.prefixes(0, 0, reg);
                    x.raw(0x90 + (reg & 7));
                }
                case 2 -> {
                    x.size(false);
                    if (x.size == 16) {
                        x.fixedSize(32); // BSWAP r16 is undefined
                    }
                    int reg = x.reg();
                    x.prefixes(0, 0, reg);
                    x.raw(0x0F, 0xC8 + (reg & 7));
                }
                default -> {
                    x.size(false);
                    x.prefixes(0, 0, 0);
                    x.raw(kind == 3 ? 0x98 : 0x99);
                }
            }
            return of(x, "xchg/bswap/cbw kind " + kind + " size " + x.size, ALL);
        }));
        // ---- CMPXCHG, XADD (reg and mem, LOCK), CMPXCHG8B
        g.add(new Group("cmpxchg_xadd", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int kind = r.nextInt(5);
            boolean mem = r.nextBoolean();
            if (kind == 4) {
                x.fixedSize(32);
                if (r.nextBoolean()) {
                    x.raw(0xF0);
                }
                x.memForm(new int[] {0x0F, 0xC7}, 1, 8, 0, 1, 2, 3);
                return of(x, "cmpxchg8b", ALL);
            }
            boolean lock = mem && r.nextBoolean();
            if (lock) {
                x.raw(0xF0);
            }
            x.size(kind % 2 == 0);
            int opc = (kind < 2 ? 0xB0 : 0xC0) | (x.size == 8 ? 0 : 1);
            int reg = x.reg();
            if (mem) {
                x.memForm(new int[] {0x0F, opc}, reg, 8, 0);
            } else {
                x.regForm(new int[] {0x0F, opc}, reg, x.reg());
            }
            if (kind < 2 && r.nextBoolean()) {
                x.s.gpr[0] = mem ? x.s.gpr[0] : x.s.gpr[reg]; // make some compares succeed
            }
            return of(x, (lock ? "lock " : "") + (kind < 2 ? "cmpxchg" : "xadd") + " size " + x.size, ALL);
        }));
        // ---- PUSH/POP (r, imm, r/m), CALL/RET, LEAVE, ENTER: RSP at the top of the window
        g.add(new Group("stack", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int kind = r.nextInt(8);
            x.s.gpr[4] = X86Gen.W + 128 + 8 * r.nextInt(8);
            switch (kind) {
                case 0 -> { // push r / pop r
                    int reg = x.reg();
                    x.fixedSize(r.nextInt(5) == 0 ? 16 : 64);
                    x.rex = 0;
                    x.prefixes(0, 0, reg);
                    x.raw((r.nextBoolean() ? 0x50 : 0x58) + (reg & 7));
                }
                case 1 -> { // push imm
                    x.raw(r.nextBoolean() ? 0x6A : 0x68);
                    x.imm(x.out.toByteArray()[0] == 0x6A ? 1 : 4, X86Gen.imm32(r));
                }
                case 2 -> { // push / pop r/m
                    x.fixedSize(64);
                    x.rex = 0;
                    boolean push = r.nextBoolean();
                    x.memForm(new int[] {push ? 0xFF : 0x8F}, push ? 6 : 0, 8);
                }
                case 3 -> { // call over a ret: call L; jmp end; L: ret
                    x.raw(toInts(X86Case.assemble((a, end) -> {
                        var l = a.newLabel();
                        a.call(l);
                        a.jmpShort(end);
                        a.bind(l);
                        a.ret();
                    })));
                }
                case 4 -> { // indirect call through a register
                    int reg = x.regNoSp();
                    x.raw(toInts(callThrough(reg)));
                }
                case 5 -> { // leave
                    x.s.gpr[5] = X86Gen.W + 64 + 8 * r.nextInt(8);
                    x.raw(0xC9);
                }
                case 6 -> { // enter imm16, level 0..3
                    x.s.gpr[5] = X86Gen.W + 200 + 8 * r.nextInt(4);
                    x.raw(0xC8);
                    x.imm(2, 8 * r.nextInt(4));
                    x.imm(1, r.nextInt(4));
                }
                default -> { // pushf / popf
                    if (r.nextBoolean()) {
                        x.raw(0x9C);
                    } else {
                        x.raw(0x9D);
                        long[] w = new long[] {r.nextLong() & 0xCD5 | 0x202};
                        int off = (int) (x.s.gpr[4] - X86Gen.W);
                        for (int k = 0; k < 8; k++) {
                            x.s.mem[off + k] = (byte) (w[0] >>> (8 * k));
                        }
                    }
                }
            }
            return of(x, "stack kind " + kind, ALL);
        }));
        // ---- string ops with and without REP, both directions
        g.add(new Group("string", r -> {
            X86Gen x = new X86Gen(r).flags(true);
            int op = new int[] {0xA4, 0xA6, 0xAA, 0xAC, 0xAE}[r.nextInt(5)] | r.nextInt(2);
            x.size((op & 1) == 0);
            int rep = r.nextInt(3);
            boolean a32 = r.nextInt(5) == 0;
            if (a32) {
                x.raw(0x67); // ESI, EDI, ECX
            }
            if (rep == 1) {
                x.raw(0xF3);
            } else if (rep == 2) {
                x.raw(0xF2);
            }
            x.prefixes(0, 0, 0);
            x.raw(op);
            x.s.gpr[6] = X86Gen.W + 96 + r.nextInt(64);
            x.s.gpr[7] = X86Gen.W + 96 + r.nextInt(64);
            // counts around the unrolling factor (8); with 67 only ECX counts
            x.s.gpr[1] = r.nextInt(13) | (a32 ? r.nextLong() << 32 : 0);
            if (a32) {
                x.s.gpr[6] |= r.nextLong() << 32;
                x.s.gpr[7] |= r.nextLong() << 32;
            }
            if (r.nextBoolean()) {
                // equal runs, so REPE/REPNE stop for the right reason
                for (int k = 96; k < 224; k++) {
                    x.s.mem[k] = (byte) (k % 3 == 0 ? 1 : 0);
                }
            }
            return of(x, "string " + Integer.toHexString(op) + " rep " + rep + " size " + x.size, ALL);
        }));
        // ---- prefixes that change nothing (CS/DS/ES/SS overrides, repeated 66) on ALU ops
        g.add(new Group("prefixes", r -> prefixed(r, false)));
        // ---- a REX followed by a legacy prefix is ignored (SDM 2.2.1): so the host does;
        // qemu 7.2 still applies it, so this runs against the host only
        g.add(new Group("rex_voided", r -> prefixed(r, true), true));
        // ---- what traps: invalid-in-64-bit opcodes and UD2 (SIGILL), privileged ones
        // (SIGSEGV), INT3 (SIGTRAP), division by zero (SIGFPE); judged by the signal
        g.add(new Group("traps", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int[][] forms = {
                {0x06}, {0x07}, {0x0E}, {0x16}, {0x17}, {0x1E}, {0x1F}, {0x27}, {0x2F}, {0x37}, {0x3F},
                {0x60}, {0x61}, {0xD4, 0x0A}, {0xD5, 0x0A}, {0xD6}, {0x82, 0xC0, 0x01}, {0xCE},
                {0x0F, 0x0B}, {0xF4}, {0xFA}, {0xFB}, {0xEC}, {0xEE}, {0xE4, 0x60}, {0xCC},
                {0xF0, 0x01, 0xC0}, {0x8D, 0xC0}, {0xF7, 0xF1},
            };
            int[] f = forms[r.nextInt(forms.length)];
            x.raw(f);
            if (f[0] == 0xF7) {
                x.s.gpr[1] = 0; // div ecx by zero
            }
            return of(x, "trap", ALL);
        }));
        // ---- LOOP/LOOPE/LOOPNE/JRCXZ (with and without 67) over a marker
        g.add(new Group("loop_jrcxz", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int op = 0xE0 + r.nextInt(4);
            if (r.nextInt(4) == 0) {
                x.raw(0x67);
            }
            x.s.gpr[1] = new long[] {0, 1, 2, 0x1_0000_0000L, 0x1_0000_0001L, -1}[r.nextInt(6)];
            x.raw(op, 5, 0xB8, 0x34, 0x12, 0, 0); // loop .+7 over mov eax, 0x1234
            return of(x, "loop kind " + Integer.toHexString(op), ALL);
        }));
        // ---- NOP forms: 90, 66 90, F3 90, 0F 1F /0 (memory forms touch nothing), hint NOPs, ENDBR64, XLAT
        g.add(new Group("nops_xlat", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int kind = r.nextInt(6);
            switch (kind) {
                case 0 -> x.raw(new int[][] {{0x90}, {0x66, 0x90}, {0xF3, 0x90}, {0xF3, 0x0F, 0x1E, 0xFA}}[r.nextInt(4)]);
                case 1, 2 -> { // nop r/m with an arbitrary address: no access
                    x.size(false);
                    int m = r.nextInt(3) << 6 | r.nextInt(8) << 3 | r.nextInt(8);
                    x.prefixes(0, 0, 0);
                    x.raw(0x0F, kind == 1 ? 0x1F : 0x19 + r.nextInt(6), m);
                    int mod = m >> 6;
                    int sibBase = -1;
                    if ((m & 7) == 4 && mod != 3) {
                        int sib = r.nextInt(256);
                        sibBase = sib & 7;
                        x.raw(sib);
                    }
                    if (mod == 1) {
                        x.raw(r.nextInt(256));
                    } else if (mod == 2 || mod == 0 && ((m & 7) == 5 || sibBase == 5)) {
                        x.imm(4, r.nextInt());
                    }
                }
                default -> { // XLAT
                    x.s.gpr[3] = X86Gen.W + r.nextInt(WINDOW_LIMIT);
                    x.s.gpr[0] = x.s.gpr[0] & ~0xFFL | r.nextInt(256 - WINDOW_LIMIT);
                    x.raw(0xD7);
                }
            }
            return of(x, "nop/xlat kind " + kind, ALL);
        }));
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
        // ---- flag instructions: CLC STC CMC CLD STD LAHF SAHF
        g.add(new Group("flag_ops", r -> {
            X86Gen x = new X86Gen(r).flags(true);
            x.raw(new int[] {0xF8, 0xF9, 0xF5, 0xFC, 0xFD, 0x9F, 0x9E}[r.nextInt(7)]);
            return of(x, "flag op", ALL);
        }));
        return g;
    }

    /** Operand-size masks. */
    static final class LiftMask {
        static long of(int size) {
            return size == 64 ? -1L : (1L << size) - 1;
        }
    }

    static int[] toInts(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xFF;
        }
        return out;
    }

    /** lea reg, [rip + 4]; call reg; jmp end; ret (the call returns to the jmp). */
    static byte[] callThrough(int reg) {
        int rex = 0x48 | (reg >> 3) << 2;
        int[] lea = {rex, 0x8D, (reg & 7) << 3 | 5, 0, 0, 0, 0};
        int[] call = reg >= 8 ? new int[] {0x41, 0xFF, 0xD0 | (reg & 7)} : new int[] {0xFF, 0xD0 | reg};
        int jmpLen = 2;
        lea[3] = call.length + jmpLen; // target: the ret after call and jmp
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        for (int v : lea) {
            o.write(v);
        }
        for (int v : call) {
            o.write(v);
        }
        o.write(0xEB);
        o.write(1); // jmp over the ret
        o.write(0xC3);
        return o.toByteArray();
    }

    static X86Case prefixed(Random r, boolean voidedRex) {
        X86Gen x = new X86Gen(r).flags(false);
        int n = 1 + r.nextInt(4);
        for (int k = 0; k < n; k++) {
            x.raw(new int[] {0x2E, 0x3E, 0x26, 0x36}[r.nextInt(4)]);
        }
        if (voidedRex) {
            x.raw(0x40 | r.nextInt(16));
            x.raw(new int[] {0x2E, 0x3E, 0x66}[r.nextInt(3)]);
        }
        int op = r.nextInt(8);
        int form = r.nextInt(4);
        x.size((form & 1) == 0);
        if (x.size == 16) {
            x.raw(0x66); // twice is the same as once
        }
        emit(x, new int[] {op << 3 | form}, x.reg(), r.nextBoolean());
        return of(x, "prefixed alu op " + op + " form " + form, op == 1 || op == 4 || op == 6 ? ALL & ~AF : ALL);
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
