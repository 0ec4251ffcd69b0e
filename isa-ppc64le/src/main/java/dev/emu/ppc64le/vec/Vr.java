package dev.emu.ppc64le.vec;

import static dev.emu.ppc64le.PpcRegisters.VSCR;
import static dev.emu.ppc64le.PpcRegisters.vsrHigh;
import static dev.emu.ppc64le.PpcRegisters.vsrLow;

import dev.emu.core.cpu.CpuState;

/**
 * A 128-bit vector value as its two doublewords, in the manual's numbering: {@code hi} is
 * doubleword 0 (bytes 0..7, element 0 of every width is its most significant part), {@code lo}
 * doubleword 1. Elements are numbered the manual's way, 0 the leftmost.
 */
public final class Vr {
    public long hi, lo;

    public Vr() {}

    public Vr(long hi, long lo) {
        this.hi = hi;
        this.lo = lo;
    }

    /** VSCR.SAT (bit 127 of the 128-bit VSCR: the least significant bit of the word we keep). */
    public static final int SAT = 1;
    /** VSCR.NJ (bit 111): non-Java mode, denormals flush to zero in vector FP. */
    public static final int NJ = 1 << 16;

    /** VSX register {@code i} (0..63; VR n is 32 + n). */
    public static Vr vsr(CpuState s, int i) {
        return new Vr(s.regs[vsrHigh(i)], s.regs[vsrLow(i)]);
    }

    public static Vr vr(CpuState s, int n) {
        return vsr(s, 32 + n);
    }

    public static void setVsr(CpuState s, int i, Vr v) {
        s.regs[vsrHigh(i)] = v.hi;
        s.regs[vsrLow(i)] = v.lo;
    }

    public static void setVr(CpuState s, int n, Vr v) {
        setVsr(s, 32 + n, v);
    }

    /** A bitwise operation on doublewords. */
    public interface Bits {
        long apply(long a, long b);
    }

    /** f applied to each doubleword of a and b (the logical instructions of VMX and VSX). */
    public static Vr bitwise(Vr a, Vr b, Bits f) {
        return new Vr(f.apply(a.hi, b.hi), f.apply(a.lo, b.lo));
    }

    public static void setSat(CpuState s) {
        s.regs[VSCR] |= SAT;
    }

    private static long mask(int bytes) {
        return bytes == 8 ? -1L : (1L << (8 * bytes)) - 1;
    }

    /** Element {@code i} of {@code bytes} width, zero-extended. */
    public long get(int bytes, int i) {
        int per = 8 / bytes;
        long dw = i < per ? hi : lo;
        int shift = (per - 1 - i % per) * 8 * bytes;
        return dw >>> shift & mask(bytes);
    }

    /** Element {@code i} of {@code bytes} width, sign-extended. */
    public long getSigned(int bytes, int i) {
        return signExtend(get(bytes, i), bytes);
    }

    public void set(int bytes, int i, long v) {
        int per = 8 / bytes;
        int shift = (per - 1 - i % per) * 8 * bytes;
        long m = mask(bytes) << shift;
        if (i < per) {
            hi = hi & ~m | v << shift & m;
        } else {
            lo = lo & ~m | v << shift & m;
        }
    }

    public static long signExtend(long v, int bytes) {
        int sh = 64 - 8 * bytes;
        return v << sh >> sh;
    }

    /** Byte {@code i} (0..15) as 0..255. */
    public int byteAt(int i) {
        return (int) get(1, i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vr v && v.hi == hi && v.lo == lo;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hi) * 31 + Long.hashCode(lo);
    }

    @Override
    public String toString() {
        return String.format("%016x_%016x", hi, lo);
    }
}
