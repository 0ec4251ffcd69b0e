package dev.emu.x86.decode;

import dev.emu.x86.lift.Handler;

/**
 * One cell of an opcode map (Intel SDM Vol. 2 Appendix A): a leaf names an instruction and
 * its handler, its operand attributes and immediate; an inner cell splits further the way
 * the manual's tables do: by ModRM.reg (opcode extension groups, Table A-6), by the
 * mandatory prefix (none, 66, F3, F2: the SSE and POPCNT/TZCNT/LZCNT columns), or by
 * ModRM.mod (register or memory form).
 */
public final class OpcodeEntry {
    /** The instruction has a ModRM byte. Set on the top cell of a split. */
    public static final int MODRM = 1;
    /** Byte operand size (the "b" of Eb/Gb/Ib). */
    public static final int BYTE = 1 << 1;
    /** Operand size defaults to 64 bits in 64-bit mode (PUSH, POP, ...): 66 makes it 16, no 32-bit form. */
    public static final int D64 = 1 << 2;
    /** Operand size is always 64 bits (near branches: 66 is ignored, as Intel CPUs do). */
    public static final int F64 = 1 << 3;
    /** A LOCK prefix is allowed (with a memory destination); elsewhere LOCK is #UD. */
    public static final int LOCKABLE = 1 << 4;
    /** The register is in the opcode's low 3 bits, extended by REX.B ("+r" forms). */
    public static final int PLUS_R = 1 << 5;

    /** Immediate operand kinds (SDM A.2.2 operand-type codes). */
    public enum Imm {
        NONE,
        /** Ib: one byte. */
        B,
        /** Iw: two bytes. */
        W,
        /** Iz: 2 bytes with a 16-bit operand size, else 4 (sign-extended to 64). */
        Z,
        /** Iv: 2, 4 or 8 bytes by operand size (MOV r64, imm64 only). */
        V,
        /** Ob/Ov: an absolute address of the address size (8 bytes, 4 with 67). */
        O,
        /** Iw then Ib (ENTER). */
        WB,
        /** Jb: a signed 8-bit displacement. */
        JB,
        /** Jz: a signed 32-bit displacement (16 with 66, which Intel ignores in 64-bit mode: 32 here). */
        JZ
    }

    private final String name;
    private final int flags;
    private final Imm imm;
    private final Handler handler;
    private final OpcodeEntry[] byReg;
    private final OpcodeEntry[] byPrefix;
    private final OpcodeEntry regForm;
    private final OpcodeEntry memForm;

    private OpcodeEntry(String name, int flags, Imm imm, Handler handler, OpcodeEntry[] byReg,
            OpcodeEntry[] byPrefix, OpcodeEntry regForm, OpcodeEntry memForm) {
        this.name = name;
        this.flags = flags;
        this.imm = imm;
        this.handler = handler;
        this.byReg = byReg;
        this.byPrefix = byPrefix;
        this.regForm = regForm;
        this.memForm = memForm;
    }

    public static OpcodeEntry insn(String name, int flags, Imm imm, Handler h) {
        return new OpcodeEntry(name, flags, imm, h, null, null, null, null);
    }

    /** An opcode extension group: {@code byReg[ModRM.reg]}, null cells undefined. */
    public static OpcodeEntry group(String name, int flags, OpcodeEntry... byReg) {
        if (byReg.length != 8) {
            throw new IllegalArgumentException(name + ": a group has 8 cells");
        }
        return new OpcodeEntry(name, flags | MODRM, Imm.NONE, null, byReg, null, null, null);
    }

    /** Split on the mandatory prefix: cells for none, 66, F3, F2; null cells undefined. */
    public static OpcodeEntry byPrefix(String name, int flags, OpcodeEntry none, OpcodeEntry p66, OpcodeEntry pF3,
            OpcodeEntry pF2) {
        return new OpcodeEntry(name, flags, Imm.NONE, null, null, new OpcodeEntry[] {none, p66, pF3, pF2}, null, null);
    }

    /** Split on ModRM.mod: the register form (mod = 3) and the memory form. */
    public static OpcodeEntry byMod(String name, OpcodeEntry reg, OpcodeEntry mem) {
        return new OpcodeEntry(name, MODRM, Imm.NONE, null, null, null, reg, mem);
    }

    public String name() {
        return name;
    }

    public int flags() {
        return flags;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public Imm imm() {
        return imm;
    }

    public Handler handler() {
        return handler;
    }

    public boolean isLeaf() {
        return handler != null;
    }

    OpcodeEntry[] byReg() {
        return byReg;
    }

    OpcodeEntry[] byPrefix() {
        return byPrefix;
    }

    OpcodeEntry regForm() {
        return regForm;
    }

    OpcodeEntry memForm() {
        return memForm;
    }

    /** Every leaf under this cell (for table tests). */
    public void leaves(java.util.function.Consumer<OpcodeEntry> out) {
        if (isLeaf()) {
            out.accept(this);
            return;
        }
        for (OpcodeEntry[] cells : new OpcodeEntry[][] {byReg, byPrefix, {regForm, memForm}}) {
            if (cells != null) {
                for (OpcodeEntry e : cells) {
                    if (e != null) {
                        e.leaves(out);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
