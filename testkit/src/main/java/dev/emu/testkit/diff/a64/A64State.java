package dev.emu.testkit.diff.a64;

import dev.emu.testkit.diff.RandomValues;
import dev.emu.testkit.diff.WindowText;
import java.util.Arrays;
import java.util.Random;

/**
 * The AArch64 state a case starts from: X0..X30, SP, NZCV, FPCR, FPSR, V0..V31 and the
 * contents of the scratch memory window at {@link A64DiffProgram#WINDOW}. Registers that
 * should address the window hold {@code A64DiffProgram.WINDOW + offset}.
 */
public final class A64State {
    public final long[] x = new long[31];
    /** Low and high 64 bits of V0..V31. */
    public final long[] vLo = new long[32];
    public final long[] vHi = new long[32];
    /** NZCV as MRS reads it: N, Z, C, V in bits 31..28. */
    public long nzcv;
    public long fpcr;
    public long fpsr;
    /** Defaults to the top of the window, so pushes land in it and are compared. */
    public long sp;
    /** The window's initial bytes; its length is the window size (a multiple of 32). */
    public byte[] mem;

    public A64State(int windowBytes) {
        if (windowBytes < 0 || windowBytes % 32 != 0 || windowBytes > A64DiffProgram.MAX_WINDOW) {
            throw new IllegalArgumentException("window size must be a multiple of 32 in 0.."
                    + A64DiffProgram.MAX_WINDOW + ": " + windowBytes);
        }
        mem = new byte[windowBytes];
        sp = A64DiffProgram.WINDOW + windowBytes;
    }

    /**
     * Random X and V registers ({@link RandomValues#interesting64}), random NZCV, random window
     * bytes; FPCR and FPSR zero (round to nearest, no flags), SP at the top of the window.
     */
    public static A64State random(Random r, int windowBytes) {
        A64State s = new A64State(windowBytes);
        for (int i = 0; i < 31; i++) {
            s.x[i] = RandomValues.interesting64(r);
        }
        for (int i = 0; i < 32; i++) {
            s.vLo[i] = r.nextLong();
            s.vHi[i] = r.nextLong();
        }
        s.nzcv = (long) r.nextInt(16) << 28;
        r.nextBytes(s.mem);
        return s;
    }

    public int windowBytes() {
        return mem.length;
    }

    public A64State copy() {
        A64State c = new A64State(mem.length);
        System.arraycopy(x, 0, c.x, 0, 31);
        System.arraycopy(vLo, 0, c.vLo, 0, 32);
        System.arraycopy(vHi, 0, c.vHi, 0, 32);
        c.nzcv = nzcv;
        c.fpcr = fpcr;
        c.fpsr = fpsr;
        c.sp = sp;
        c.mem = mem.clone();
        return c;
    }

    /** "nZCv" style: upper case for a set flag. */
    public static String flags(long nzcv) {
        return new String(new char[] {
            (nzcv & 1L << 31) != 0 ? 'N' : 'n', (nzcv & 1L << 30) != 0 ? 'Z' : 'z',
            (nzcv & 1L << 29) != 0 ? 'C' : 'c', (nzcv & 1L << 28) != 0 ? 'V' : 'v'});
    }

    /** The values, a few per line, in the form a failure message shows. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            sb.append(String.format("%-4s0x%016x%s", "x" + i, x[i], i % 4 == 3 || i == 30 ? "\n" : "  "));
        }
        sb.append(String.format("sp  0x%016x  nzcv 0x%08x (%s)  fpcr 0x%08x  fpsr 0x%08x%n", sp, nzcv, flags(nzcv), fpcr, fpsr));
        for (int i = 0; i < 32; i++) {
            sb.append(String.format("%-4s0x%016x%016x%s", "v" + i, vHi[i], vLo[i], i % 3 == 2 || i == 31 ? "\n" : "  "));
        }
        WindowText.append(sb, A64DiffProgram.WINDOW, mem);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof A64State s && Arrays.equals(x, s.x) && Arrays.equals(vLo, s.vLo)
                && Arrays.equals(vHi, s.vHi) && nzcv == s.nzcv && fpcr == s.fpcr && fpsr == s.fpsr
                && sp == s.sp && Arrays.equals(mem, s.mem);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(x) * 31 + Arrays.hashCode(mem);
    }
}
