package dev.emu.testkit.diff.x86;

import dev.emu.testkit.diff.RandomValues;
import java.util.Arrays;
import java.util.Random;

/**
 * The x86-64 state a case starts from: RAX..R15 (RSP included: it defaults to the top of the
 * window, so pushes land in it and are compared), RFLAGS, MXCSR, XMM0..XMM15 and the
 * contents of the scratch window at {@link X86DiffProgram#WINDOW}. Registers that should
 * address the window hold {@code X86DiffProgram.WINDOW + offset}.
 */
public final class X86State {
    public static final String[] GPR_NAMES = {
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
    /** The flags a case may set and compare: CF PF AF ZF SF DF OF. */
    public static final long FLAG_BITS = 0xCD5;

    /** In encoding order; index 4 is RSP. */
    public final long[] gpr = new long[16];
    public final long[] xmmLo = new long[16];
    public final long[] xmmHi = new long[16];
    /** Only the bits of {@link #FLAG_BITS} are loaded. */
    public long rflags;
    public long mxcsr = 0x1F80;
    /** The window's initial bytes; its length is the window size (a multiple of 32). */
    public byte[] mem;

    public X86State(int windowBytes) {
        if (windowBytes < 0 || windowBytes % 32 != 0 || windowBytes > X86DiffProgram.MAX_WINDOW) {
            throw new IllegalArgumentException("window size must be a multiple of 32 in 0.."
                    + X86DiffProgram.MAX_WINDOW + ": " + windowBytes);
        }
        mem = new byte[windowBytes];
        gpr[4] = X86DiffProgram.WINDOW + windowBytes;
    }

    /**
     * Random general registers ({@link RandomValues#interesting64}) but RSP, random
     * arithmetic flags with DF clear (set it in a generator that wants it), random XMM and
     * window bytes.
     */
    public static X86State random(Random r, int windowBytes) {
        X86State s = new X86State(windowBytes);
        for (int i = 0; i < 16; i++) {
            if (i != 4) {
                s.gpr[i] = RandomValues.interesting64(r);
            }
        }
        for (int i = 0; i < 16; i++) {
            s.xmmLo[i] = r.nextLong();
            s.xmmHi[i] = r.nextLong();
        }
        s.rflags = r.nextLong() & FLAG_BITS & ~0x400L;
        r.nextBytes(s.mem);
        return s;
    }

    public int windowBytes() {
        return mem.length;
    }

    public static int regIndex(String name) {
        int i = Arrays.asList(GPR_NAMES).indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no register " + name);
        }
        return i;
    }

    public X86State set(String reg, long v) {
        gpr[regIndex(reg)] = v;
        return this;
    }

    public X86State copy() {
        X86State c = new X86State(mem.length);
        System.arraycopy(gpr, 0, c.gpr, 0, 16);
        System.arraycopy(xmmLo, 0, c.xmmLo, 0, 16);
        System.arraycopy(xmmHi, 0, c.xmmHi, 0, 16);
        c.rflags = rflags;
        c.mxcsr = mxcsr;
        c.mem = mem.clone();
        return c;
    }

    /** "CF ZF ..." for the set flags. */
    public static String flags(long f) {
        String[] n = {"CF", "", "PF", "", "AF", "", "ZF", "SF", "", "", "DF", "OF"};
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n.length; k++) {
            if (!n[k].isEmpty() && (f >>> k & 1) != 0) {
                sb.append(sb.length() == 0 ? "" : " ").append(n[k]);
            }
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(String.format("%-4s0x%016x%s", GPR_NAMES[i], gpr[i], i % 4 == 3 ? "\n" : "  "));
        }
        sb.append(String.format("rflags 0x%03x (%s)  mxcsr 0x%04x%n", rflags, flags(rflags), mxcsr));
        for (int i = 0; i < 16; i++) {
            sb.append(String.format("%-6s0x%016x%016x%s", "xmm" + i, xmmHi[i], xmmLo[i], i % 3 == 2 || i == 15 ? "\n" : "  "));
        }
        sb.append(String.format("mem at 0x%x, %d bytes:%n", X86DiffProgram.WINDOW, mem.length));
        for (int off = 0; off < mem.length; off += 16) {
            sb.append(String.format("  +0x%03x:", off));
            for (int i = off; i < Math.min(off + 16, mem.length); i++) {
                sb.append(i % 8 == 0 && i != off ? "  " : " ").append(String.format("%02x", mem[i] & 0xFF));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
