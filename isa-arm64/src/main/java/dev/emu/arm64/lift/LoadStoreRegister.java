package dev.emu.arm64.lift;

import static dev.emu.arm64.Arm64Registers.vhi;
import static dev.emu.arm64.Arm64Registers.vlo;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * Loads and stores (C4.1) of a single register, general-purpose or SIMD&FP, in every
 * addressing mode: unsigned offset, unscaled (LDUR/STUR), post- and pre-index,
 * unprivileged (LDTR/STTR, which at EL0 behave as the plain forms), register offset, and
 * PC-relative literal. Rows of one addressing mode share a handler that decodes size, V and
 * opc; the register write-backs come after the access, so a fault leaves them untouched.
 */
public final class LoadStoreRegister {
    private LoadStoreRegister() {}

    /** What one (size, V, opc) combination does; bytes is the access size. */
    record Access(boolean load, int bytes, boolean signed, Type type, boolean simd, boolean prefetch) {
        int scale() {
            return Integer.numberOfTrailingZeros(bytes);
        }
    }

    private static final Access PREFETCH = new Access(false, 8, false, Type.I64, false, true);

    /** Decodes size (31:30), V (26) and opc (23:22); null if unallocated. */
    static Access decode(int word, boolean prefetchAllowed) {
        int size = word >>> 30;
        boolean simd = (word >>> 26 & 1) != 0;
        int opc = word >>> 22 & 3;
        if (simd) {
            if (opc >= 2) {
                return size == 0 ? new Access(opc == 3, 16, false, Type.I64, true, false) : null;
            }
            return new Access(opc == 1, 1 << size, false, Type.I64, true, false);
        }
        int bytes = 1 << size;
        return switch (opc) {
            case 0 -> new Access(false, bytes, false, Type.I64, false, false);
            case 1 -> new Access(true, bytes, false, size == 3 ? Type.I64 : Type.I32, false, false);
            case 2 -> size == 3 ? (prefetchAllowed ? PREFETCH : null)
                    : new Access(true, bytes, true, Type.I64, false, false);
            default -> size >= 2 ? null : new Access(true, bytes, true, Type.I32, false, false);
        };
    }

    /**
     * A load's result, not yet written to its register; stores return null. Two slots for
     * a Q register; the high one is zero for a narrower SIMD&FP load.
     */
    record Loaded(int t, Value lo, Value hi, boolean simd) {
        void writeBack(LiftContext c) {
            if (simd) {
                c.b.setReg(vlo(t), lo);
                c.b.setReg(vhi(t), hi == null ? c.b.c64(0) : hi);
            } else {
                c.setReg(t, lo);
            }
        }
    }

    /** Performs the access of register t at addr; the result waits for writeBack. */
    static Loaded access(LiftContext c, Access a, int t, Value addr) {
        IrBuilder b = c.b;
        if (a.simd) {
            if (a.load) {
                Value lo = c.load(Type.I64, addr, Math.min(a.bytes, 8), false);
                Value hi = a.bytes == 16 ? c.load(Type.I64, c.offset(addr, 8), 8, false) : null;
                return new Loaded(t, lo, hi, true);
            }
            c.store(addr, b.getReg64(vlo(t)), Math.min(a.bytes, 8));
            if (a.bytes == 16) {
                c.store(c.offset(addr, 8), b.getReg64(vhi(t)), 8);
            }
            return null;
        }
        if (a.load) {
            return new Loaded(t, c.load(a.type, addr, a.bytes, a.signed), null, false);
        }
        c.store(addr, c.x(t), a.bytes);
        return null;
    }

    private static void finish(LiftContext c, Loaded l, int n, Value newBase) {
        if (newBase != null) {
            c.setRegSp(n, newBase);
        }
        if (l != null) {
            l.writeBack(c);
        }
    }

    /** LDR/STR... (immediate), unsigned offset: imm12 scaled by the access size. */
    public static void unsignedOffset(LiftContext c, Fields f) {
        Access a = decode(f.word(), true);
        if (a == null) {
            c.illegal();
            return;
        }
        if (a.prefetch) {
            return; // PRFM: a hint
        }
        Value addr = c.offset(c.xsp(f.get('n')), (long) f.get('i') << a.scale());
        finish(c, access(c, a, f.get('t'), addr), 0, null);
    }

    /** LDUR/STUR... (unscaled immediate) and LDTR/STTR... (unprivileged): signed imm9, no writeback. */
    public static void unscaled(LiftContext c, Fields f) {
        Access a = decode(f.word(), true);
        if (a == null) {
            c.illegal();
            return;
        }
        if (a.prefetch) {
            return; // PRFUM
        }
        Value addr = c.offset(c.xsp(f.get('n')), f.signed('i'));
        finish(c, access(c, a, f.get('t'), addr), 0, null);
    }

    /** LDTR/STTR... (unprivileged): EL0's own accesses, so the unscaled form without SIMD&FP or prefetch. */
    public static void unprivileged(LiftContext c, Fields f) {
        Access a = decode(f.word(), false);
        if (a == null || a.simd) {
            c.illegal();
            return;
        }
        Value addr = c.offset(c.xsp(f.get('n')), f.signed('i'));
        finish(c, access(c, a, f.get('t'), addr), 0, null);
    }

    private static void indexed(LiftContext c, Fields f, boolean pre) {
        Access a = decode(f.word(), false);
        if (a == null) {
            c.illegal();
            return;
        }
        int n = f.get('n');
        Value base = c.xsp(n);
        Value updated = c.offset(base, f.signed('i'));
        Loaded l = access(c, a, f.get('t'), pre ? updated : base);
        finish(c, l, n, updated);
    }

    /** LDR/STR... (immediate), post-index. */
    public static void postIndex(LiftContext c, Fields f) {
        indexed(c, f, false);
    }

    /** LDR/STR... (immediate), pre-index. */
    public static void preIndex(LiftContext c, Fields f) {
        indexed(c, f, true);
    }

    /** LDR/STR... (register): Xm extended per option (UXTW, LSL, SXTW, SXTX), shifted by the size if S. */
    public static void registerOffset(LiftContext c, Fields f) {
        Access a = decode(f.word(), true);
        int option = f.get('x');
        if (a == null || (option & 2) == 0) {
            c.illegal();
            return;
        }
        if (a.prefetch) {
            return;
        }
        Value offset = c.extend(c.x(f.get('m')), option, f.get('S') != 0 ? a.scale() : 0);
        Value addr = c.b.add(c.xsp(f.get('n')), offset);
        finish(c, access(c, a, f.get('t'), addr), 0, null);
    }

    /** LDR (literal), LDRSW (literal), PRFM (literal), LDR (literal, SIMD&FP). */
    public static void literal(LiftContext c, Fields f) {
        int opc = f.word() >>> 30;
        boolean simd = (f.word() >>> 26 & 1) != 0;
        Access a;
        if (simd) {
            a = opc == 3 ? null : new Access(true, 4 << opc, false, Type.I64, true, false);
        } else {
            a = switch (opc) {
                case 0 -> new Access(true, 4, false, Type.I32, false, false);
                case 1 -> new Access(true, 8, false, Type.I64, false, false);
                case 2 -> new Access(true, 4, true, Type.I64, false, false);
                default -> PREFETCH;
            };
        }
        if (a == null) {
            c.illegal();
            return;
        }
        if (a.prefetch) {
            return;
        }
        Value addr = c.b.c64(c.pc() + ((long) f.signed('i') << 2));
        finish(c, access(c, a, f.get('t'), addr), 0, null);
    }
}
