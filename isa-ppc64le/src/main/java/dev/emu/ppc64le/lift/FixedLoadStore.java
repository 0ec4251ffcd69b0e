package dev.emu.ppc64le.lift;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;
import dev.emu.ppc64le.PpcHelpers;

/**
 * Book I 3.3.2-3.3.8 fixed-point loads and stores: D-, DS- and X-form, with update, algebraic
 * (sign-extending) and byte-reversed; 3.3.6/3.3.7 load/store multiple and string.
 *
 * <p>Update forms write RA after the access, so a faulting access leaves the registers as they
 * were; RA = 0 (and, for loads, RA = RT) is an invalid form, which raises SIGILL as QEMU does.
 * Load/store multiple and string instructions cause an alignment interrupt in Little-Endian
 * mode (Book I 3.3.6: "... in Little-Endian mode ... the system alignment error handler is
 * invoked"), which Linux delivers as SIGBUS; that is what they do here.
 */
public final class FixedLoadStore {
    private FixedLoadStore() {}

    private static final Helper LE_ALIGNMENT = Helper.of(PpcHelpers.class, "littleEndianAlignmentFault");

    /** How the effective address is formed. */
    private enum Form { D, DS, X }

    private static Value ea(LiftContext c, Fields f, Form form, boolean update) {
        int a = f.get('a');
        Value base = update ? c.gpr(a) : c.gprOrZero(a);
        return switch (form) {
            case D -> c.offset(base, f.signed('i'));
            case DS -> c.offset(base, (long) f.signed('i') << 2);
            case X -> c.b.add(base, c.gpr(f.get('b')));
        };
    }

    private static void load(LiftContext c, Fields f, Form form, int size, boolean signed, boolean update,
                             boolean reversed) {
        int t = f.get('t');
        int a = f.get('a');
        if (update && (a == 0 || a == t)) {
            c.illegal();
            return;
        }
        Value ea = ea(c, f, form, update);
        Value v = c.b.load(Type.I64, ea, size, signed, reversed);
        c.setGpr(t, v);
        if (update) {
            c.setGpr(a, ea);
        }
    }

    private static void store(LiftContext c, Fields f, Form form, int size, boolean update, boolean reversed) {
        int a = f.get('a');
        if (update && a == 0) {
            c.illegal();
            return;
        }
        Value ea = ea(c, f, form, update);
        c.b.store(ea, c.gpr(f.get('t')), size, reversed);
        if (update) {
            c.setGpr(a, ea);
        }
    }

    // ---- loads
    public static void lbz(LiftContext c, Fields f) { load(c, f, Form.D, 1, false, false, false); }
    public static void lbzu(LiftContext c, Fields f) { load(c, f, Form.D, 1, false, true, false); }
    public static void lbzx(LiftContext c, Fields f) { load(c, f, Form.X, 1, false, false, false); }
    public static void lbzux(LiftContext c, Fields f) { load(c, f, Form.X, 1, false, true, false); }
    public static void lhz(LiftContext c, Fields f) { load(c, f, Form.D, 2, false, false, false); }
    public static void lhzu(LiftContext c, Fields f) { load(c, f, Form.D, 2, false, true, false); }
    public static void lhzx(LiftContext c, Fields f) { load(c, f, Form.X, 2, false, false, false); }
    public static void lhzux(LiftContext c, Fields f) { load(c, f, Form.X, 2, false, true, false); }
    public static void lha(LiftContext c, Fields f) { load(c, f, Form.D, 2, true, false, false); }
    public static void lhau(LiftContext c, Fields f) { load(c, f, Form.D, 2, true, true, false); }
    public static void lhax(LiftContext c, Fields f) { load(c, f, Form.X, 2, true, false, false); }
    public static void lhaux(LiftContext c, Fields f) { load(c, f, Form.X, 2, true, true, false); }
    public static void lwz(LiftContext c, Fields f) { load(c, f, Form.D, 4, false, false, false); }
    public static void lwzu(LiftContext c, Fields f) { load(c, f, Form.D, 4, false, true, false); }
    public static void lwzx(LiftContext c, Fields f) { load(c, f, Form.X, 4, false, false, false); }
    public static void lwzux(LiftContext c, Fields f) { load(c, f, Form.X, 4, false, true, false); }
    public static void lwa(LiftContext c, Fields f) { load(c, f, Form.DS, 4, true, false, false); }
    public static void lwax(LiftContext c, Fields f) { load(c, f, Form.X, 4, true, false, false); }
    public static void lwaux(LiftContext c, Fields f) { load(c, f, Form.X, 4, true, true, false); }
    public static void ld(LiftContext c, Fields f) { load(c, f, Form.DS, 8, false, false, false); }
    public static void ldu(LiftContext c, Fields f) { load(c, f, Form.DS, 8, false, true, false); }
    public static void ldx(LiftContext c, Fields f) { load(c, f, Form.X, 8, false, false, false); }
    public static void ldux(LiftContext c, Fields f) { load(c, f, Form.X, 8, false, true, false); }
    public static void lhbrx(LiftContext c, Fields f) { load(c, f, Form.X, 2, false, false, true); }
    public static void lwbrx(LiftContext c, Fields f) { load(c, f, Form.X, 4, false, false, true); }
    public static void ldbrx(LiftContext c, Fields f) { load(c, f, Form.X, 8, false, false, true); }

    // ---- stores
    public static void stb(LiftContext c, Fields f) { store(c, f, Form.D, 1, false, false); }
    public static void stbu(LiftContext c, Fields f) { store(c, f, Form.D, 1, true, false); }
    public static void stbx(LiftContext c, Fields f) { store(c, f, Form.X, 1, false, false); }
    public static void stbux(LiftContext c, Fields f) { store(c, f, Form.X, 1, true, false); }
    public static void sth(LiftContext c, Fields f) { store(c, f, Form.D, 2, false, false); }
    public static void sthu(LiftContext c, Fields f) { store(c, f, Form.D, 2, true, false); }
    public static void sthx(LiftContext c, Fields f) { store(c, f, Form.X, 2, false, false); }
    public static void sthux(LiftContext c, Fields f) { store(c, f, Form.X, 2, true, false); }
    public static void stw(LiftContext c, Fields f) { store(c, f, Form.D, 4, false, false); }
    public static void stwu(LiftContext c, Fields f) { store(c, f, Form.D, 4, true, false); }
    public static void stwx(LiftContext c, Fields f) { store(c, f, Form.X, 4, false, false); }
    public static void stwux(LiftContext c, Fields f) { store(c, f, Form.X, 4, true, false); }
    public static void std(LiftContext c, Fields f) { store(c, f, Form.DS, 8, false, false); }
    public static void stdu(LiftContext c, Fields f) { store(c, f, Form.DS, 8, true, false); }
    public static void stdx(LiftContext c, Fields f) { store(c, f, Form.X, 8, false, false); }
    public static void stdux(LiftContext c, Fields f) { store(c, f, Form.X, 8, true, false); }
    public static void sthbrx(LiftContext c, Fields f) { store(c, f, Form.X, 2, false, true); }
    public static void stwbrx(LiftContext c, Fields f) { store(c, f, Form.X, 4, false, true); }
    public static void stdbrx(LiftContext c, Fields f) { store(c, f, Form.X, 8, false, true); }

    // ---- 3.3.5 quadword (lq DQ-form, stq DS-form): RTp is an even/odd pair; in Little-Endian
    // mode the odd register holds the doubleword at EA and the even one the doubleword at EA + 8.
    // A quadword that is not 16-byte aligned raises the alignment interrupt, which Linux fixes up
    // by doing the access (as QEMU does it directly): two doubleword accesses here.

    public static void lq(LiftContext c, Fields f) {
        int t = f.get('t');
        int a = f.get('a');
        if ((t & 1) != 0 || t == a) {
            c.illegal();
            return;
        }
        Value ea = c.offset(c.gprOrZero(a), (long) f.signed('i') << 4);
        Value low = c.load(Type.I64, ea, 8, false);
        Value high = c.load(Type.I64, c.offset(ea, 8), 8, false);
        c.setGpr(t, high);
        c.setGpr(t + 1, low);
    }

    public static void stq(LiftContext c, Fields f) {
        int s = f.get('t');
        if ((s & 1) != 0) {
            c.illegal();
            return;
        }
        Value ea = ea(c, f, Form.DS, false);
        c.store(ea, c.gpr(s + 1), 8);
        c.store(c.offset(ea, 8), c.gpr(s), 8);
    }

    // ---- multiple and string: the alignment interrupt of Little-Endian mode (SIGBUS)
    private static void alignmentInterrupt(LiftContext c, Value ea, boolean write) {
        c.b.call(LE_ALIGNMENT, ea, c.c32(write ? 1 : 0));
        c.endBlock();
    }

    public static void lmw(LiftContext c, Fields f) { alignmentInterrupt(c, ea(c, f, Form.D, false), false); }
    public static void stmw(LiftContext c, Fields f) { alignmentInterrupt(c, ea(c, f, Form.D, false), true); }
    public static void lswx(LiftContext c, Fields f) { alignmentInterrupt(c, ea(c, f, Form.X, false), false); }
    public static void stswx(LiftContext c, Fields f) { alignmentInterrupt(c, ea(c, f, Form.X, false), true); }
    public static void lswi(LiftContext c, Fields f) { alignmentInterrupt(c, c.gprOrZero(f.get('a')), false); }
    public static void stswi(LiftContext c, Fields f) { alignmentInterrupt(c, c.gprOrZero(f.get('a')), true); }
}
