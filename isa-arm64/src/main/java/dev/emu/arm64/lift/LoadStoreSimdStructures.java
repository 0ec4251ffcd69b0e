package dev.emu.arm64.lift;

import static dev.emu.arm64.Arm64Registers.vhi;
import static dev.emu.arm64.Arm64Registers.vlo;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * Loads and stores (C4.1): Advanced SIMD load/store multiple structures, the LD1/ST1 forms
 * (one to four consecutive registers, no interleaving), with and without post-index. On a
 * little-endian guest the element size does not change which bytes go where, so each
 * register is 8 (Q = 0) or 16 bytes straight from memory. LD2/LD3/LD4 and their stores
 * interleave elements; they are not implemented and have no rows.
 */
public final class LoadStoreSimdStructures {
    private LoadStoreSimdStructures() {}

    private static int registers(int opcode) {
        return switch (opcode) {
            case 0b0111 -> 1;
            case 0b1010 -> 2;
            case 0b0110 -> 3;
            case 0b0010 -> 4;
            default -> throw new IllegalStateException("not an LD1/ST1 opcode: " + opcode);
        };
    }

    private static void multiple(LiftContext c, Fields f, boolean post) {
        IrBuilder b = c.b;
        int word = f.word();
        boolean q = (word >>> 30 & 1) != 0;
        boolean load = (word >>> 22 & 1) != 0;
        int count = registers(word >>> 12 & 0xF);
        int bytes = q ? 16 : 8;
        int n = f.get('n');
        int t = f.get('t');
        Value base = c.xsp(n);
        Value[] lo = new Value[count];
        Value[] hi = new Value[count];
        for (int i = 0; i < count; i++) {
            int v = (t + i) % 32;
            Value addr = c.offset(base, (long) i * bytes);
            if (load) {
                lo[i] = c.load(Type.I64, addr, 8, false);
                hi[i] = q ? c.load(Type.I64, c.offset(addr, 8), 8, false) : b.c64(0);
            } else {
                c.store(addr, b.getReg64(vlo(v)), 8);
                if (q) {
                    c.store(c.offset(addr, 8), b.getReg64(vhi(v)), 8);
                }
            }
        }
        if (post) {
            int m = f.get('m');
            c.setRegSp(n, m == 31 ? c.offset(base, (long) count * bytes) : b.add(base, c.x(m)));
        }
        if (load) {
            for (int i = 0; i < count; i++) {
                int v = (t + i) % 32;
                b.setReg(vlo(v), lo[i]);
                b.setReg(vhi(v), hi[i]);
            }
        }
    }

    /** LD1/ST1 (multiple structures), no offset. */
    public static void noOffset(LiftContext c, Fields f) {
        multiple(c, f, false);
    }

    /** LD1/ST1 (multiple structures), post-index by the size transferred (Rm = 31) or by Xm. */
    public static void postIndex(LiftContext c, Fields f) {
        multiple(c, f, true);
    }
}
