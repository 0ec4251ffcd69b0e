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
     * (the reason next to the group); {@code qemuOnly} for the twin of such a group that
     * masks what qemu gets wrong.
     */
    record Group(String name, Function<Random, X86Case> gen, boolean hostOnly, boolean qemuOnly) {
        Group(String name, Function<Random, X86Case> gen) {
            this(name, gen, false, false);
        }

        Group(String name, Function<Random, X86Case> gen, boolean hostOnly) {
            this(name, gen, hostOnly, false);
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
        ArithmeticCampaigns.add(g);
        DataCampaigns.add(g);
        ControlCampaigns.add(g);
        X87Campaigns.add(g);
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
