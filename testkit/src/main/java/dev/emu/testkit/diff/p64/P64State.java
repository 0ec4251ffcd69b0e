package dev.emu.testkit.diff.p64;

import dev.emu.testkit.diff.RandomValues;
import dev.emu.testkit.diff.WindowText;
import java.util.Arrays;
import java.util.Random;

/**
 * The Power (64-bit, little-endian) state a case starts from: GPR0..31, LR, CTR, XER (the
 * defined bits only: SO OV CA at 32..34, OV32 CA32 at 44..45, the byte count at 57..63, in
 * the manual's numbering), CR and the contents of the scratch window at
 * {@link P64DiffProgram#WINDOW}. Registers that should address the window hold
 * {@code P64DiffProgram.WINDOW + offset}.
 */
public final class P64State {
    /** XER bits a program can set and read back: SO, OV, CA, OV32, CA32, the byte count. */
    public static final long XER_DEFINED = 0xE00C007FL;

    public final long[] r = new long[32];
    public long lr;
    public long ctr;
    public long xer;
    public int cr;
    /** The window's initial bytes; its length is the window size (a multiple of 32). */
    public byte[] mem;

    public P64State(int windowBytes) {
        if (windowBytes < 0 || windowBytes % 32 != 0 || windowBytes > P64DiffProgram.MAX_WINDOW) {
            throw new IllegalArgumentException("window size must be a multiple of 32 in 0.."
                    + P64DiffProgram.MAX_WINDOW + ": " + windowBytes);
        }
        mem = new byte[windowBytes];
    }

    /** Random GPRs, LR, CTR, CR; random XER flags (byte count 0); random window bytes. */
    public static P64State random(Random rnd, int windowBytes) {
        P64State s = new P64State(windowBytes);
        for (int i = 0; i < 32; i++) {
            s.r[i] = RandomValues.interesting64(rnd);
        }
        s.lr = rnd.nextLong();
        s.ctr = RandomValues.interesting64(rnd);
        s.xer = rnd.nextLong() & XER_DEFINED & ~0x7FL;
        s.cr = rnd.nextInt();
        rnd.nextBytes(s.mem);
        return s;
    }

    public int windowBytes() {
        return mem.length;
    }

    public P64State copy() {
        P64State c = new P64State(mem.length);
        System.arraycopy(r, 0, c.r, 0, 32);
        c.lr = lr;
        c.ctr = ctr;
        c.xer = xer;
        c.cr = cr;
        c.mem = mem.clone();
        return c;
    }

    /** "SO OV ca ov32 CA32": upper case for a set bit. */
    public static String xerFlags(long xer) {
        String[] names = {"so", "ov", "ca", "ov32", "ca32"};
        int[] bits = {31, 30, 29, 19, 18};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            String n = (xer >>> bits[i] & 1) != 0 ? names[i].toUpperCase() : names[i];
            sb.append(i == 0 ? "" : " ").append(n);
        }
        return sb.append(" bc=").append(xer & 0x7F).toString();
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            sb.append(String.format("%-4s0x%016x%s", "r" + i, r[i], i % 4 == 3 ? "\n" : "  "));
        }
        sb.append(String.format("lr 0x%016x  ctr 0x%016x  xer 0x%08x (%s)  cr 0x%08x%n", lr, ctr, xer,
                xerFlags(xer), cr));
        WindowText.append(sb, P64DiffProgram.WINDOW, mem);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof P64State s && Arrays.equals(r, s.r) && lr == s.lr && ctr == s.ctr && xer == s.xer
                && cr == s.cr && Arrays.equals(mem, s.mem);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(r) * 31 + Arrays.hashCode(mem);
    }
}
