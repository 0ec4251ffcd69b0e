package dev.emu.arm64.lift;

import dev.emu.arm64.lift.LoadStoreRegister.Access;
import dev.emu.arm64.lift.LoadStoreRegister.Loaded;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * Loads and stores (C4.1): load/store register pair: LDP/STP (post-index, signed offset, pre-index),
 * LDPSW, LDNP/STNP, and their SIMD&FP forms. Both accesses happen before any register is
 * written, then the base, then the loaded registers.
 */
public final class LoadStorePair {
    private LoadStorePair() {}

    /** Decodes opc (31:30), V (26) and L (22); null if unallocated. */
    private static Access decode(int word, boolean noAllocate) {
        int opc = word >>> 30;
        boolean simd = (word >>> 26 & 1) != 0;
        boolean load = (word >>> 22 & 1) != 0;
        if (simd) {
            return opc == 3 ? null : new Access(load, 4 << opc, false, Type.I64, true, false);
        }
        return switch (opc) {
            case 0 -> new Access(load, 4, false, Type.I32, false, false);
            case 1 -> load && !noAllocate ? new Access(true, 4, true, Type.I64, false, false) : null; // LDPSW
            case 2 -> new Access(load, 8, false, Type.I64, false, false);
            default -> null;
        };
    }

    private enum Mode { NO_ALLOCATE, POST, OFFSET, PRE }

    private static void pair(LiftContext c, Fields f, Mode mode) {
        Access a = decode(f.word(), mode == Mode.NO_ALLOCATE);
        if (a == null) {
            c.illegal();
            return;
        }
        int n = f.get('n');
        int t = f.get('t');
        int t2 = f.get('u');
        Value base = c.xsp(n);
        long offset = (long) f.signed('i') << a.scale();
        Value addr = mode == Mode.POST ? base : c.offset(base, offset);
        Loaded first = LoadStoreRegister.access(c, a, t, addr);
        Loaded second = LoadStoreRegister.access(c, a, t2, c.offset(addr, a.bytes()));
        if (mode == Mode.POST || mode == Mode.PRE) {
            c.setRegSp(n, mode == Mode.POST ? c.offset(base, offset) : addr);
        }
        if (first != null) {
            first.writeBack(c);
            second.writeBack(c);
        }
    }

    /** LDNP/STNP: the non-temporal hint changes nothing here. */
    public static void noAllocate(LiftContext c, Fields f) {
        pair(c, f, Mode.NO_ALLOCATE);
    }

    public static void postIndex(LiftContext c, Fields f) {
        pair(c, f, Mode.POST);
    }

    public static void signedOffset(LiftContext c, Fields f) {
        pair(c, f, Mode.OFFSET);
    }

    public static void preIndex(LiftContext c, Fields f) {
        pair(c, f, Mode.PRE);
    }
}
