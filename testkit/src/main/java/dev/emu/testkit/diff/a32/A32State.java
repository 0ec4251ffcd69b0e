package dev.emu.testkit.diff.a32;

import dev.emu.testkit.diff.RandomValues;
import java.util.Arrays;
import java.util.Random;

/**
 * The AArch32 state a case starts from: R0..R14, the APSR flags (N Z C V Q in bits 31..27,
 * GE in 19..16, as MRS reads them) and the contents of the scratch window at
 * {@link A32DiffProgram#WINDOW}. Registers that should address the window hold
 * {@code A32DiffProgram.WINDOW + offset}. D0..D31 and FPSCR count only under
 * {@link A32DiffProgram#WITH_VFP}.
 */
public final class A32State {
    public final int[] r = new int[15];
    public int apsr;
    /** D0..D31 and FPSCR: loaded and dumped by {@link A32DiffProgram#WITH_VFP} only. */
    public final long[] d = new long[32];
    public int fpscr;
    /** The window's initial bytes; its length is the window size (a multiple of 32). */
    public byte[] mem;

    public A32State(int windowBytes) {
        if (windowBytes < 0 || windowBytes % 32 != 0 || windowBytes > A32DiffProgram.MAX_WINDOW) {
            throw new IllegalArgumentException("window size must be a multiple of 32 in 0.."
                    + A32DiffProgram.MAX_WINDOW + ": " + windowBytes);
        }
        mem = new byte[windowBytes];
        r[13] = (int) (A32DiffProgram.WINDOW + windowBytes);
    }

    /** Random R0..R12 and R14, random N Z C V (Q and GE clear), random window bytes, SP at the window's top. */
    public static A32State random(Random rnd, int windowBytes) {
        A32State s = new A32State(windowBytes);
        for (int i = 0; i < 15; i++) {
            if (i != 13) {
                s.r[i] = (int) RandomValues.interesting64(rnd);
            }
        }
        s.apsr = rnd.nextInt(16) << 28;
        for (int i = 0; i < 32; i++) {
            s.d[i] = rnd.nextBoolean() ? RandomValues.interestingDoubleBits(rnd)
                    : RandomValues.interestingFloatBits(rnd) | RandomValues.interestingFloatBits(rnd) << 32;
        }
        rnd.nextBytes(s.mem);
        return s;
    }

    public int windowBytes() {
        return mem.length;
    }

    public A32State copy() {
        A32State c = new A32State(mem.length);
        System.arraycopy(r, 0, c.r, 0, 15);
        c.apsr = apsr;
        System.arraycopy(d, 0, c.d, 0, 32);
        c.fpscr = fpscr;
        c.mem = mem.clone();
        return c;
    }

    /** "nZCvq" style: upper case for a set flag, then GE. */
    public static String flags(int apsr) {
        return new String(new char[] {
            (apsr & 1 << 31) != 0 ? 'N' : 'n', (apsr & 1 << 30) != 0 ? 'Z' : 'z',
            (apsr & 1 << 29) != 0 ? 'C' : 'c', (apsr & 1 << 28) != 0 ? 'V' : 'v',
            (apsr & 1 << 27) != 0 ? 'Q' : 'q'}) + " ge=" + Integer.toBinaryString(16 | (apsr >>> 16 & 0xF)).substring(1);
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            sb.append(String.format("%-4s0x%08x%s", "r" + i, r[i], i % 5 == 4 ? "\n" : "  "));
        }
        sb.append(String.format("apsr 0x%08x (%s)  fpscr 0x%08x%n", apsr, flags(apsr), fpscr));
        for (int i = 0; i < 32; i++) {
            sb.append(String.format("%-4s0x%016x%s", "d" + i, d[i], i % 4 == 3 ? "\n" : "  "));
        }
        sb.append(String.format("mem at 0x%x, %d bytes:%n", A32DiffProgram.WINDOW, mem.length));
        for (int off = 0; off < mem.length; off += 16) {
            sb.append(String.format("  +0x%03x:", off));
            for (int i = off; i < Math.min(off + 16, mem.length); i++) {
                sb.append(i % 8 == 0 && i != off ? "  " : " ").append(String.format("%02x", mem[i] & 0xFF));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof A32State s && Arrays.equals(r, s.r) && apsr == s.apsr && Arrays.equals(d, s.d)
                && fpscr == s.fpscr && Arrays.equals(mem, s.mem);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(r) * 31 + Arrays.hashCode(mem);
    }
}
