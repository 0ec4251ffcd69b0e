package dev.emu.x86.decode;

/**
 * One decoded instruction: its prefixes, opcode, ModRM/SIB fields with the REX extensions
 * applied, displacement and immediates, its length, and the table row that lifts it
 * ({@code entry} is null for an undefined or unimplemented encoding).
 */
public final class X86Insn {
    /** Segment overrides that matter in 64-bit mode; CS/DS/ES/SS overrides are ignored. */
    public static final int SEG_NONE = 0;
    public static final int SEG_FS = 1;
    public static final int SEG_GS = 2;

    public long pc;
    public int length;
    /** Up to the first 8 bytes, little-endian (byte 0 in bits 0..7): the detail of an illegal-instruction trap. */
    public long head;

    // ---- prefixes
    public boolean opsize;  // 66
    public boolean addrsize; // 67
    public boolean lock;    // F0
    public boolean repz;    // F3
    public boolean repnz;   // F2
    /** The mandatory prefix: the last of F2/F3, else 66, else 0 (selects forms in the 0F maps). */
    public int mandatory;
    public int segment;
    /** The REX byte (0x40..0x4F) immediately before the opcode, or 0. */
    public int rex;

    // ---- opcode
    /** 1: one-byte map, 2: 0F, 3: 0F 38, 4: 0F 3A. */
    public int map;
    public int opcode;
    public OpcodeEntry entry;
    /** Operand size in bits: 8, 16, 32 or 64, from the row's attributes and the prefixes. */
    public int opSize;

    // ---- ModRM / SIB
    public boolean hasModrm;
    public int mod;
    /** ModRM.reg with REX.R (0..15); for one-byte "+r" opcodes, the low 3 opcode bits with REX.B. */
    public int reg;
    /** ModRM.rm with REX.B when mod = 3 (a register). */
    public int rm;
    /** Memory operand: base register (-1: none), index (-1: none), scale 1/2/4/8, displacement. */
    public int base = -1;
    public int index = -1;
    public int scale = 1;
    public long disp;
    public boolean ripRelative;

    // ---- immediates
    public long imm;
    /** Second immediate (ENTER's nesting level). */
    public long imm2;

    public boolean rexW() {
        return (rex & 8) != 0;
    }

    public boolean isMemory() {
        return hasModrm && mod != 3;
    }

    /** ModRM.reg without REX.R: the opcode extension of group opcodes. */
    public int regOp() {
        return reg & 7;
    }

    public long nextPc() {
        return pc + length;
    }

    public String name() {
        return entry == null ? "(bad)" : entry.name();
    }

    @Override
    public String toString() {
        return String.format("%s @0x%x len %d", name(), pc, length);
    }
}
