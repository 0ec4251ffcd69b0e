package dev.emu.arm64.lift;

import static dev.emu.arm64.Arm64Registers.vhi;
import static dev.emu.arm64.Arm64Registers.vlo;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * C4.1 Advanced SIMD load/store multiple structures (LD1-LD4, ST1-ST4) and single structure
 * (one lane, LDnR), with and without post-index, as IR: the memory is moved in 64-bit chunks
 * (an element never straddles one) and elements are (de)interleaved with shifts and masks.
 * All loads happen before any register is written, so a fault leaves the registers as they
 * were; the base register is written back last.
 */
public final class SimdLoadStore {
    private SimdLoadStore() {}

    /** 0Q 001100 post L 0 Rm opcode size Rn Rt (Rm = 00000 without post-index). */
    public static void multiple(LiftContext c, Fields f) {
        int w = f.word();
        boolean q = (w >>> 30 & 1) != 0, load = (w >>> 22 & 1) != 0, post = (w >>> 23 & 1) != 0;
        int m = w >>> 16 & 31, opcode = w >>> 12 & 15, size = w >>> 10 & 3, n = w >>> 5 & 31, t = w & 31;
        int regs, selem;
        switch (opcode) {
            case 0b0000 -> { regs = 4; selem = 4; }
            case 0b0010 -> { regs = 4; selem = 1; }
            case 0b0100 -> { regs = 3; selem = 3; }
            case 0b0110 -> { regs = 3; selem = 1; }
            case 0b0111 -> { regs = 1; selem = 1; }
            case 0b1000 -> { regs = 2; selem = 2; }
            case 0b1010 -> { regs = 2; selem = 1; }
            default -> {
                c.illegal();
                return;
            }
        }
        if ((!post && m != 0) || (size == 3 && !q && selem > 1)) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        int halves = q ? 2 : 1;
        int chunks = regs * halves;
        int ebytes = 1 << size;
        Value base = c.xsp(n);
        if (selem == 1) {
            // registers are contiguous in memory
            if (load) {
                Value[] v = new Value[chunks];
                for (int k = 0; k < chunks; k++) {
                    v[k] = b.load(Type.I64, at(c, base, 8L * k), 8, false, false);
                }
                for (int r = 0; r < regs; r++) {
                    int tt = (t + r) & 31;
                    b.setReg(vlo(tt), v[r * halves]);
                    b.setReg(vhi(tt), q ? v[r * halves + 1] : b.c64(0));
                }
            } else {
                for (int r = 0; r < regs; r++) {
                    int tt = (t + r) & 31;
                    b.store(at(c, base, (q ? 16L : 8L) * r), b.getReg64(vlo(tt)), 8, false);
                    if (q) {
                        b.store(at(c, base, 16L * r + 8), b.getReg64(vhi(tt)), 8, false);
                    }
                }
            }
        } else if (load) {
            Value[] mem = new Value[chunks];
            for (int k = 0; k < chunks; k++) {
                mem[k] = b.load(Type.I64, at(c, base, 8L * k), 8, false, false);
            }
            int perHalf = 8 / ebytes;
            for (int r = 0; r < regs; r++) {
                Value[] h = new Value[2];
                for (int half = 0; half < halves; half++) {
                    Value acc = null;
                    for (int j = 0; j < perHalf; j++) {
                        int e = half * perHalf + j;
                        int i = e * selem + r; // memory element index
                        Value el = field(b, mem[i / perHalf], (i % perHalf) * ebytes * 8, ebytes * 8);
                        el = shiftLeft(b, el, j * ebytes * 8);
                        acc = acc == null ? el : b.or(acc, el);
                    }
                    h[half] = acc;
                }
                int tt = (t + r) & 31;
                b.setReg(vlo(tt), h[0]);
                b.setReg(vhi(tt), q ? h[1] : b.c64(0));
            }
        } else {
            int perHalf = 8 / ebytes;
            Value[][] src = new Value[regs][2];
            for (int r = 0; r < regs; r++) {
                int tt = (t + r) & 31;
                src[r][0] = b.getReg64(vlo(tt));
                src[r][1] = q ? b.getReg64(vhi(tt)) : null;
            }
            for (int k = 0; k < chunks; k++) {
                Value acc = null;
                for (int j = 0; j < perHalf; j++) {
                    int i = k * perHalf + j; // memory element index
                    int r = i % selem, e = i / selem;
                    Value el = field(b, src[r][e / perHalf], (e % perHalf) * ebytes * 8, ebytes * 8);
                    el = shiftLeft(b, el, j * ebytes * 8);
                    acc = acc == null ? el : b.or(acc, el);
                }
                b.store(at(c, base, 8L * k), acc, 8, false);
            }
        }
        if (post) {
            writeBack(c, n, base, m, 8L * chunks);
        }
    }

    /** 0Q 001101 post L R Rm opcode S size Rn Rt (Rm = 00000 without post-index). */
    public static void single(LiftContext c, Fields f) {
        int w = f.word();
        int q = w >>> 30 & 1;
        boolean load = (w >>> 22 & 1) != 0, post = (w >>> 23 & 1) != 0;
        int r = w >>> 21 & 1, m = w >>> 16 & 31, opcode = w >>> 13 & 7, s = w >>> 12 & 1, size = w >>> 10 & 3;
        int n = w >>> 5 & 31, t = w & 31;
        int selem = ((opcode & 1) << 1 | r) + 1;
        int scale = opcode >>> 1, index;
        boolean replicate = false;
        switch (scale) {
            case 0 -> index = q << 3 | s << 2 | size;
            case 1 -> {
                if ((size & 1) != 0) {
                    c.illegal();
                    return;
                }
                index = q << 2 | s << 1 | size >>> 1;
            }
            case 2 -> {
                if ((size & 2) != 0 || (size == 1 && s != 0)) {
                    c.illegal();
                    return;
                }
                if (size == 1) {
                    scale = 3;
                    index = q;
                } else {
                    index = q << 1 | s;
                }
            }
            default -> {
                if (!load || s != 0) {
                    c.illegal();
                    return;
                }
                scale = size;
                index = 0;
                replicate = true;
            }
        }
        if (!post && m != 0) {
            c.illegal();
            return;
        }
        IrBuilder b = c.b;
        int ebytes = 1 << scale, bits = ebytes * 8;
        Value base = c.xsp(n);
        if (load) {
            Value[] el = new Value[selem];
            for (int k = 0; k < selem; k++) {
                el[k] = b.load(Type.I64, at(c, base, (long) k * ebytes), ebytes, false, false);
            }
            for (int k = 0; k < selem; k++) {
                int tt = (t + k) & 31;
                if (replicate) {
                    Value v = bits == 64 ? el[k] : b.mul(el[k], b.c64(replicator(bits)));
                    b.setReg(vlo(tt), v);
                    b.setReg(vhi(tt), q == 1 ? v : b.c64(0));
                } else {
                    int bit = index * bits;
                    int slot = bit < 64 ? vlo(tt) : vhi(tt);
                    b.setReg(slot, insert(b, b.getReg64(slot), el[k], bit & 63, bits));
                }
            }
        } else {
            Value[] el = new Value[selem];
            int bit = index * bits;
            for (int k = 0; k < selem; k++) {
                int tt = (t + k) & 31;
                el[k] = field(b, b.getReg64(bit < 64 ? vlo(tt) : vhi(tt)), bit & 63, bits);
            }
            for (int k = 0; k < selem; k++) {
                b.store(at(c, base, (long) k * ebytes), el[k], ebytes, false);
            }
        }
        if (post) {
            writeBack(c, n, base, m, (long) selem * ebytes);
        }
    }

    private static Value at(LiftContext c, Value base, long offset) {
        return offset == 0 ? base : c.b.add(base, c.b.c64(offset));
    }

    private static void writeBack(LiftContext c, int n, Value base, int m, long imm) {
        Value off = m == 31 ? c.b.c64(imm) : c.x(m);
        c.setRegSp(n, c.b.add(base, off));
    }

    /** 0x0101..01 for the element size: multiplying an element by it replicates it. */
    static long replicator(int bits) {
        return switch (bits) {
            case 8 -> 0x0101_0101_0101_0101L;
            case 16 -> 0x0001_0001_0001_0001L;
            case 32 -> 0x0000_0001_0000_0001L;
            default -> 1L;
        };
    }

    /** Bits [lsb, lsb + width) of v, zero-extended. */
    static Value field(IrBuilder b, Value v, int lsb, int width) {
        Value x = lsb == 0 ? v : b.shr(v, b.c64(lsb));
        return width == 64 ? x : b.and(x, b.c64((1L << width) - 1));
    }

    static Value shiftLeft(IrBuilder b, Value v, int n) {
        return n == 0 ? v : b.shl(v, b.c64(n));
    }

    /** v with bits [lsb, lsb + width) replaced by the low bits of x. */
    static Value insert(IrBuilder b, Value v, Value x, int lsb, int width) {
        if (width == 64) {
            return x;
        }
        long mask = ((1L << width) - 1) << lsb;
        Value part = shiftLeft(b, b.and(x, b.c64((1L << width) - 1)), lsb);
        return b.or(b.and(v, b.c64(~mask)), part);
    }
}
