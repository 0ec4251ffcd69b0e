package dev.emu.core.elf;

import java.util.Map;

/**
 * Names of ELF {@code e_machine} values, for messages. Only the numbers matter to the code
 * (each {@code Isa} matches its own); this table lets an error say "183 (AArch64)" rather than
 * a bare number. Values from the System V gABI machine list.
 */
public final class ElfMachine {
    public static final int EM_NONE = 0;
    public static final int EM_SPARC = 2;
    public static final int EM_386 = 3;
    public static final int EM_68K = 4;
    public static final int EM_MIPS = 8;
    public static final int EM_MIPS_RS3_LE = 10;
    public static final int EM_PARISC = 15;
    public static final int EM_SPARC32PLUS = 18;
    public static final int EM_PPC = 20;
    public static final int EM_PPC64 = 21;
    public static final int EM_S390 = 22;
    public static final int EM_ARM = 40;
    public static final int EM_SH = 42;
    public static final int EM_SPARCV9 = 43;
    public static final int EM_IA_64 = 50;
    public static final int EM_X86_64 = 62;
    public static final int EM_CRIS = 76;
    public static final int EM_OPENRISC = 92;
    public static final int EM_XTENSA = 94;
    public static final int EM_ALTERA_NIOS2 = 113;
    public static final int EM_HEXAGON = 164;
    public static final int EM_AARCH64 = 183;
    public static final int EM_MICROBLAZE = 189;
    public static final int EM_RISCV = 243;
    public static final int EM_BPF = 247;
    public static final int EM_LOONGARCH = 258;
    /** Not in the gABI list; the number Linux and binutils use for Alpha. */
    public static final int EM_ALPHA = 0x9026;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(EM_NONE, "none"),
            Map.entry(EM_SPARC, "SPARC"),
            Map.entry(EM_386, "Intel 80386"),
            Map.entry(EM_68K, "Motorola 68000"),
            Map.entry(EM_MIPS, "MIPS"),
            Map.entry(EM_MIPS_RS3_LE, "MIPS RS3000 little-endian"),
            Map.entry(EM_PARISC, "PA-RISC"),
            Map.entry(EM_SPARC32PLUS, "SPARC32PLUS"),
            Map.entry(EM_PPC, "PowerPC"),
            Map.entry(EM_PPC64, "PowerPC64"),
            Map.entry(EM_S390, "IBM S/390"),
            Map.entry(EM_ARM, "ARM"),
            Map.entry(EM_SH, "SuperH"),
            Map.entry(EM_SPARCV9, "SPARC V9"),
            Map.entry(EM_IA_64, "IA-64"),
            Map.entry(EM_X86_64, "x86-64"),
            Map.entry(EM_CRIS, "CRIS"),
            Map.entry(EM_OPENRISC, "OpenRISC"),
            Map.entry(EM_XTENSA, "Xtensa"),
            Map.entry(EM_ALTERA_NIOS2, "Nios II"),
            Map.entry(EM_HEXAGON, "Hexagon"),
            Map.entry(EM_AARCH64, "AArch64"),
            Map.entry(EM_MICROBLAZE, "MicroBlaze"),
            Map.entry(EM_RISCV, "RISC-V"),
            Map.entry(EM_BPF, "BPF"),
            Map.entry(EM_LOONGARCH, "LoongArch"),
            Map.entry(EM_ALPHA, "Alpha"));

    private ElfMachine() {
    }

    /** "AArch64" for 183; "unknown" for numbers not in the table. */
    public static String name(int machine) {
        return NAMES.getOrDefault(machine, "unknown");
    }

    /** "183 (AArch64)". */
    public static String describe(int machine) {
        return machine + " (" + name(machine) + ")";
    }
}
