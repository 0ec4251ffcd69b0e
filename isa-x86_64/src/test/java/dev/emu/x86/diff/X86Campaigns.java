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
        return g;
    }
}
