package dev.emu.ppc64le.vec;

import static dev.emu.ppc64le.PpcRegisters.crField;

import dev.emu.core.cpu.CpuState;

/** The element loops and saturation rules the VMX and VSX integer instructions share. */
final class VmxLanes {
    private VmxLanes() {}

    static int vt(int w) {
        return w >>> 21 & 31;
    }

    static int va(int w) {
        return w >>> 16 & 31;
    }

    static int vb(int w) {
        return w >>> 11 & 31;
    }

    static int vc(int w) {
        return w >>> 6 & 31;
    }

    /** VRT = f(VRA element, VRB element) for every {@code bytes}-wide element (unsigned values). */
    static VecOp bin(int bytes, VecOp.Lane2 f) {
        return lanes(bytes, false, f);
    }

    /** As {@link #bin} with sign-extended element values. */
    static VecOp binSigned(int bytes, VecOp.Lane2 f) {
        return lanes(bytes, true, f);
    }

    private static VecOp lanes(int bytes, boolean signed, VecOp.Lane2 f) {
        return (s, w) -> {
            Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), r = new Vr();
            for (int i = 0; i < 16 / bytes; i++) {
                long x = signed ? a.getSigned(bytes, i) : a.get(bytes, i);
                long y = signed ? b.getSigned(bytes, i) : b.get(bytes, i);
                r.set(bytes, i, f.apply(s, x, y));
            }
            Vr.setVr(s, vt(w), r);
        };
    }

    /** VRT = f(VRB element) for every element. */
    static VecOp un(int bytes, VecOp.Lane1 f) {
        return (s, w) -> {
            Vr b = Vr.vr(s, vb(w)), r = new Vr();
            for (int i = 0; i < 16 / bytes; i++) {
                r.set(bytes, i, f.apply(s, b.get(bytes, i)));
            }
            Vr.setVr(s, vt(w), r);
        };
    }

    static VecOp logical(Vr.Bits f) {
        return (s, w) -> Vr.setVr(s, vt(w), Vr.bitwise(Vr.vr(s, va(w)), Vr.vr(s, vb(w)), f));
    }

    /** Element predicate for the compares. */
    interface Pred {
        boolean test(long a, long b);
    }

    /**
     * vcmp*: all-ones where the predicate holds; the record form sets CR6 to 0b1000 when it
     * held for every element, 0b0010 when for none.
     */
    static VecOp compare(int bytes, boolean signed, boolean record, Pred p) {
        return (s, w) -> {
            Vr a = Vr.vr(s, va(w)), b = Vr.vr(s, vb(w)), r = new Vr();
            int n = 16 / bytes;
            int hits = 0;
            for (int i = 0; i < n; i++) {
                long x = signed ? a.getSigned(bytes, i) : a.get(bytes, i);
                long y = signed ? b.getSigned(bytes, i) : b.get(bytes, i);
                if (p.test(x, y)) {
                    r.set(bytes, i, -1L);
                    hits++;
                }
            }
            Vr.setVr(s, vt(w), r);
            if (record) {
                setCr6(s, hits == n, hits == 0);
            }
        };
    }

    static void setCr6(CpuState s, boolean all, boolean none) {
        s.regs[crField(6)] = (all ? 8 : 0) | (none ? 2 : 0);
    }

    /** Clamps a signed value to a signed {@code bytes}-wide element, setting VSCR.SAT when it must. */
    static long satSigned(CpuState s, long v, int bytes) {
        long max = (1L << (8 * bytes - 1)) - 1, min = -max - 1;
        if (v > max) {
            Vr.setSat(s);
            return max;
        }
        if (v < min) {
            Vr.setSat(s);
            return min;
        }
        return v;
    }

    /** Clamps a signed value to an unsigned {@code bytes}-wide element (bytes < 8). */
    static long satUnsigned(CpuState s, long v, int bytes) {
        long max = (1L << (8 * bytes)) - 1;
        if (v > max) {
            Vr.setSat(s);
            return max;
        }
        if (v < 0) {
            Vr.setSat(s);
            return 0;
        }
        return v;
    }

    static int width(int bytes) {
        return 8 * bytes;
    }

    static long rotl(long v, int n, int bytes) {
        int bits = width(bytes);
        n &= bits - 1;
        if (n == 0) {
            return v;
        }
        long m = bytes == 8 ? -1L : (1L << bits) - 1;
        return (v << n | v >>> (bits - n)) & m;
    }
}
