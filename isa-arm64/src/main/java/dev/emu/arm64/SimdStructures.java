package dev.emu.arm64;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.mem.AddressSpace;

/**
 * The Advanced SIMD structure loads and stores that move elements between lanes (LD2-LD4 and
 * ST2-ST4 of multiple structures, LD1-LD4/ST1-ST4 of a single lane, LD1R-LD4R), as one
 * helper: the shuffles are element loops that IR would spell out at great length. Every
 * memory access happens before any register is written, so a fault leaves the registers as
 * they were. Shared by the lifter (decoding, at translation time) and the helper (running).
 */
public final class SimdStructures {
    private SimdStructures() {}

    /**
     * One decoded instruction: {@code regs} registers from {@code t} (wrapping at 31), each
     * {@code bytes} wide (8 or 16); {@code rpt} repetitions of {@code selem}-element
     * structures of {@code esize} bytes; for a single structure the lane {@code index}, or
     * {@code replicate}.
     */
    public record Shape(boolean load, boolean single, boolean replicate, int t, int bytes, int rpt, int selem,
                        int esize, int index) {
        /** Bytes transferred: the post-index immediate. */
        public int transferSize() {
            return single ? selem * esize : rpt * selem * bytes;
        }
    }

    /** Decodes the load/store (multiple or single) structure encoding, or null if unallocated. */
    public static Shape decode(int word) {
        boolean single = (word >>> 24 & 1) != 0;
        boolean load = (word >>> 22 & 1) != 0;
        int q = word >>> 30 & 1;
        int t = word & 31;
        int size = word >>> 10 & 3;
        int opcode = word >>> 12 & 0xF;
        int bytes = q != 0 ? 16 : 8;
        if (!single) {
            int rpt;
            int selem;
            switch (opcode) {
                case 0b0000 -> { rpt = 1; selem = 4; }
                case 0b0010 -> { rpt = 4; selem = 1; }
                case 0b0100 -> { rpt = 1; selem = 3; }
                case 0b0110 -> { rpt = 3; selem = 1; }
                case 0b0111 -> { rpt = 1; selem = 1; }
                case 0b1000 -> { rpt = 1; selem = 2; }
                case 0b1010 -> { rpt = 2; selem = 1; }
                default -> { return null; }
            }
            if (size == 3 && q == 0 && selem != 1) {
                return null;
            }
            return new Shape(load, false, false, t, bytes, rpt, selem, 1 << size, 0);
        }
        int r = word >>> 21 & 1;
        int s = word >>> 12 & 1;
        int scale = opcode >>> 2 & 3; // opcode<3:2> here, as bits 15:14
        int selem = ((opcode >>> 1 & 1) << 1 | r) + 1; // opcode<1> (bit 13) and R
        int index;
        boolean replicate = false;
        switch (scale) {
            case 3 -> {
                if (!load || s != 0) {
                    return null;
                }
                scale = size;
                replicate = true;
                index = 0;
            }
            case 0 -> index = q << 3 | s << 2 | size;
            case 1 -> {
                if ((size & 1) != 0) {
                    return null;
                }
                index = q << 2 | s << 1 | size >> 1;
            }
            default -> {
                if ((size & 2) != 0) {
                    return null;
                }
                if ((size & 1) == 0) {
                    index = q << 1 | s;
                } else {
                    if (s != 0) {
                        return null;
                    }
                    index = q;
                    scale = 3;
                }
            }
        }
        return new Shape(load, true, replicate, t, bytes, 1, selem, 1 << scale, index);
    }

    private static byte[] vector(CpuState st, int v) {
        byte[] out = new byte[16];
        long lo = st.regs[Arm64Registers.vlo(v)];
        long hi = st.regs[Arm64Registers.vhi(v)];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (lo >>> (8 * i));
            out[8 + i] = (byte) (hi >>> (8 * i));
        }
        return out;
    }

    private static void setVector(CpuState st, int v, byte[] b) {
        long lo = 0;
        long hi = 0;
        for (int i = 7; i >= 0; i--) {
            lo = lo << 8 | (b[i] & 0xFF);
            hi = hi << 8 | (b[8 + i] & 0xFF);
        }
        st.regs[Arm64Registers.vlo(v)] = lo;
        st.regs[Arm64Registers.vhi(v)] = hi;
    }

    /** Runs the structure load or store {@code word} at {@code addr}; the lifter does the writeback. */
    public static void transfer(CpuState st, int word, long addr) {
        Shape sh = decode(word);
        AddressSpace m = st.mem;
        int regs = sh.single ? sh.selem : sh.rpt * sh.selem;
        byte[][] v = new byte[regs][];
        for (int k = 0; k < regs; k++) {
            // a load of a whole register (multiple structures, replicate) clears what it does not fill
            v[k] = sh.load && (!sh.single || sh.replicate) ? new byte[16] : vector(st, (sh.t + k) % 32);
        }
        long a = addr;
        if (!sh.single) {
            int elements = sh.bytes / sh.esize;
            for (int r = 0; r < sh.rpt; r++) {
                for (int e = 0; e < elements; e++) {
                    for (int s = 0; s < sh.selem; s++) {
                        byte[] reg = v[r * sh.selem + s];
                        move(m, sh.load, a, reg, e * sh.esize, sh.esize);
                        a += sh.esize;
                    }
                }
            }
        } else {
            for (int s = 0; s < sh.selem; s++) {
                if (sh.replicate) {
                    byte[] reg = v[s];
                    move(m, true, a, reg, 0, sh.esize);
                    for (int off = sh.esize; off < sh.bytes; off++) {
                        reg[off] = reg[off - sh.esize];
                    }
                } else {
                    move(m, sh.load, a, v[s], sh.index * sh.esize, sh.esize);
                }
                a += sh.esize;
            }
        }
        if (sh.load) {
            for (int k = 0; k < regs; k++) {
                if (sh.bytes == 8 && (!sh.single || sh.replicate)) {
                    // a 64-bit register write clears the top half; a lane insert writes all 128 bits
                    java.util.Arrays.fill(v[k], 8, 16, (byte) 0);
                }
                setVector(st, (sh.t + k) % 32, v[k]);
            }
        }
    }

    private static void move(AddressSpace m, boolean load, long addr, byte[] reg, int off, int n) {
        for (int i = 0; i < n; i++) {
            if (load) {
                reg[off + i] = (byte) m.ld8(addr + i);
            } else {
                m.st8(addr + i, reg[off + i]);
            }
        }
    }
}
