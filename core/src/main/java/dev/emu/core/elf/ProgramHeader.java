package dev.emu.core.elf;

/**
 * One entry of an ELF program header table, fields widened to {@code long} (ELF32 values are
 * zero-extended). {@code index} is its position in the table and {@code headerOffset} the
 * file offset of the entry itself, for messages.
 *
 * <p>For the segments {@link ElfImage} validates (PT_LOAD, PT_TLS) the sizes and addresses are
 * non-negative and {@code vaddr + memsz} does not overflow; other entries are as the file has
 * them.
 */
public record ProgramHeader(int index, long headerOffset, int type, int flags, long offset, long vaddr,
                            long paddr, long filesz, long memsz, long align) {
    public static final int PT_NULL = 0;
    public static final int PT_LOAD = 1;
    public static final int PT_DYNAMIC = 2;
    public static final int PT_INTERP = 3;
    public static final int PT_NOTE = 4;
    public static final int PT_SHLIB = 5;
    public static final int PT_PHDR = 6;
    public static final int PT_TLS = 7;
    public static final int PT_LOOS = 0x60000000;
    public static final int PT_GNU_EH_FRAME = 0x6474e550;
    public static final int PT_GNU_STACK = 0x6474e551;
    public static final int PT_GNU_RELRO = 0x6474e552;
    public static final int PT_GNU_PROPERTY = 0x6474e553;
    public static final int PT_LOPROC = 0x70000000;

    public static final int PF_X = 1;
    public static final int PF_W = 2;
    public static final int PF_R = 4;

    public boolean isLoad() {
        return type == PT_LOAD;
    }

    public boolean readable() {
        return (flags & PF_R) != 0;
    }

    public boolean writable() {
        return (flags & PF_W) != 0;
    }

    public boolean executable() {
        return (flags & PF_X) != 0;
    }

    /** Whether the segment has zero-filled memory past its file bytes (.bss). */
    public boolean hasBss() {
        return memsz > filesz;
    }

    /** First address past the segment in memory: {@code vaddr + memsz}. */
    public long end() {
        return vaddr + memsz;
    }

    /** First file offset past the segment's bytes: {@code offset + filesz}. */
    public long fileEnd() {
        return offset + filesz;
    }

    /** "R-X" style permissions. */
    public String flagString() {
        return (readable() ? "R" : "-") + (writable() ? "W" : "-") + (executable() ? "X" : "-");
    }

    public String typeName() {
        return typeName(type);
    }

    /** "PT_LOAD", "PT_GNU_STACK", "PT_LOPROC+0x1" (processor-specific names depend on the machine). */
    public static String typeName(int type) {
        switch (type) {
            case PT_NULL: return "PT_NULL";
            case PT_LOAD: return "PT_LOAD";
            case PT_DYNAMIC: return "PT_DYNAMIC";
            case PT_INTERP: return "PT_INTERP";
            case PT_NOTE: return "PT_NOTE";
            case PT_SHLIB: return "PT_SHLIB";
            case PT_PHDR: return "PT_PHDR";
            case PT_TLS: return "PT_TLS";
            case PT_GNU_EH_FRAME: return "PT_GNU_EH_FRAME";
            case PT_GNU_STACK: return "PT_GNU_STACK";
            case PT_GNU_RELRO: return "PT_GNU_RELRO";
            case PT_GNU_PROPERTY: return "PT_GNU_PROPERTY";
            default:
                break;
        }
        if (Integer.compareUnsigned(type, PT_LOPROC) >= 0) {
            return "PT_LOPROC+0x" + Integer.toHexString(type - PT_LOPROC);
        }
        if (Integer.compareUnsigned(type, PT_LOOS) >= 0) {
            return "PT_LOOS+0x" + Integer.toHexString(type - PT_LOOS);
        }
        return "0x" + Integer.toHexString(type);
    }

    @Override
    public String toString() {
        return String.format("[%d] %-15s %s offset 0x%x vaddr 0x%x filesz 0x%x memsz 0x%x align 0x%x",
                index, typeName(), flagString(), offset, vaddr, filesz, memsz, align);
    }
}
