package dev.emu.testkit.elf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a minimal static executable ({@code ET_EXEC}) ELF file: loadable segments, an entry
 * point and a {@code PT_GNU_STACK} header asking for a non-executable stack. No sections: the
 * Linux loader (and qemu-user's) reads program headers only.
 *
 * <p>Typical use: one R+X text segment and one R+W data segment whose memory size may exceed
 * its file size (the excess is zero-filled bss):
 * <pre>{@code
 * byte[] elf = new ElfWriter(ElfWriter.ELFCLASS64, ByteOrder.LITTLE_ENDIAN, ElfWriter.EM_AARCH64)
 *         .text(0x400000, code)
 *         .data(0x10000000, initialData, bssBytes)
 *         .entry(0x400000)
 *         .toBytes();
 * }</pre>
 *
 * <p>Layout follows the System V gABI ("Program Header", "Program Loading"): each segment's
 * file offset is congruent to its virtual address modulo {@link #align(long) the alignment},
 * so the loader can mmap it directly.
 */
public final class ElfWriter {
    public static final int ELFCLASS32 = 1;
    public static final int ELFCLASS64 = 2;

    // e_machine values (gABI / psABI supplements)
    public static final int EM_386 = 3;
    public static final int EM_MIPS = 8;
    public static final int EM_PPC = 20;
    public static final int EM_PPC64 = 21;
    public static final int EM_S390 = 22;
    public static final int EM_ARM = 40;
    public static final int EM_X86_64 = 62;
    public static final int EM_AARCH64 = 183;
    public static final int EM_RISCV = 243;

    public static final int PT_LOAD = 1;
    public static final int PT_GNU_STACK = 0x6474e551;
    public static final int PF_X = 1;
    public static final int PF_W = 2;
    public static final int PF_R = 4;

    private static final int ET_EXEC = 2;
    private static final int EV_CURRENT = 1;

    /** One PT_LOAD: {@code memSize >= bytes.length}; the tail past the file bytes is zero. */
    public record Segment(long vaddr, byte[] bytes, long memSize, int flags) {
        public Segment {
            if (memSize < bytes.length) {
                throw new IllegalArgumentException("memSize " + memSize + " < file size " + bytes.length);
            }
        }
    }

    private final int elfClass;
    private final ByteOrder order;
    private final int machine;
    private int flags;
    private int osAbi;
    private long entry = -1;
    private long align = 0x10000;
    private final List<Segment> segments = new ArrayList<>();

    public ElfWriter(int elfClass, ByteOrder order, int machine) {
        if (elfClass != ELFCLASS32 && elfClass != ELFCLASS64) {
            throw new IllegalArgumentException("elfClass must be ELFCLASS32 or ELFCLASS64: " + elfClass);
        }
        this.elfClass = elfClass;
        this.order = order;
        this.machine = machine;
    }

    /** e_flags (ARM EABI version, MIPS ABI/ISA bits, PPC64 ABI version ...). */
    public ElfWriter flags(int eFlags) {
        this.flags = eFlags;
        return this;
    }

    /** EI_OSABI; 0 (System V) unless the target wants otherwise. */
    public ElfWriter osAbi(int osAbi) {
        this.osAbi = osAbi;
        return this;
    }

    public ElfWriter entry(long entry) {
        this.entry = entry;
        return this;
    }

    /**
     * p_align of the loadable segments, a power of two at least the target's page size. The
     * default, 64 KiB, suits every Linux page size (arm64 and ppc64 kernels may use 64 KiB).
     */
    public ElfWriter align(long align) {
        if (align < 16 || Long.bitCount(align) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two >= 16: " + align);
        }
        this.align = align;
        return this;
    }

    /** Adds a loadable R+X segment holding {@code code} at {@code vaddr}. */
    public ElfWriter text(long vaddr, byte[] code) {
        return segment(new Segment(vaddr, code.clone(), code.length, PF_R | PF_X));
    }

    /** Adds a loadable R+W segment: {@code init} at {@code vaddr}, then {@code bssSize} zero bytes. */
    public ElfWriter data(long vaddr, byte[] init, long bssSize) {
        return segment(new Segment(vaddr, init.clone(), init.length + bssSize, PF_R | PF_W));
    }

    public ElfWriter segment(Segment s) {
        segments.add(s);
        return this;
    }

    private boolean is64() {
        return elfClass == ELFCLASS64;
    }

    public byte[] toBytes() {
        if (segments.isEmpty()) {
            throw new IllegalStateException("no segments");
        }
        if (entry < 0) {
            throw new IllegalStateException("no entry point");
        }
        checkLayout();
        int ehSize = is64() ? 64 : 52;
        int phEntSize = is64() ? 56 : 32;
        int phNum = segments.size() + 1;
        long headerEnd = ehSize + (long) phEntSize * phNum;

        // Place each segment's bytes at the first offset past what precedes it that is
        // congruent to its address modulo the alignment.
        long[] offsets = new long[segments.size()];
        long end = headerEnd;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            long off = end + Math.floorMod(s.vaddr() - end, align);
            offsets[i] = off;
            end = off + s.bytes().length;
        }
        if (end > Integer.MAX_VALUE) {
            throw new IllegalStateException("ELF image too large: " + end + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate((int) end).order(order);

        // e_ident
        b.put(new byte[] {0x7f, 'E', 'L', 'F'});
        b.put((byte) elfClass);
        b.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2)); // ELFDATA2LSB / ELFDATA2MSB
        b.put((byte) EV_CURRENT);
        b.put((byte) osAbi);
        b.position(16);
        b.putShort((short) ET_EXEC);
        b.putShort((short) machine);
        b.putInt(EV_CURRENT);
        putAddr(b, entry);          // e_entry
        putAddr(b, ehSize);         // e_phoff: right after this header
        putAddr(b, 0);              // e_shoff: no section headers
        b.putInt(flags);
        b.putShort((short) ehSize);
        b.putShort((short) phEntSize);
        b.putShort((short) phNum);
        b.putShort((short) 0);      // e_shentsize
        b.putShort((short) 0);      // e_shnum
        b.putShort((short) 0);      // e_shstrndx = SHN_UNDEF

        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            putPhdr(b, PT_LOAD, s.flags(), offsets[i], s.vaddr(), s.bytes().length, s.memSize(), align);
        }
        putPhdr(b, PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0, 16);

        for (int i = 0; i < segments.size(); i++) {
            b.position((int) offsets[i]);
            b.put(segments.get(i).bytes());
        }
        return b.array();
    }

    /** Writes the image to {@code file} and makes it executable (where the file system has POSIX modes). */
    public Path writeTo(Path file) {
        try {
            Files.write(file, toBytes());
            try {
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
                perms.add(PosixFilePermission.OWNER_EXECUTE);
                perms.add(PosixFilePermission.GROUP_EXECUTE);
                perms.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(file, perms);
            } catch (UnsupportedOperationException notPosix) {
                file.toFile().setExecutable(true, false);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ELF file " + file, e);
        }
    }

    private void checkLayout() {
        long addrLimit = is64() ? Long.MAX_VALUE : 0x1_0000_0000L;
        for (int i = 0; i < segments.size(); i++) {
            Segment a = segments.get(i);
            if (a.vaddr() < 0 || a.vaddr() + a.memSize() > addrLimit) {
                throw new IllegalStateException(String.format("segment at 0x%x (+0x%x) outside the address space",
                        a.vaddr(), a.memSize()));
            }
            // Segments are mapped in whole pages, so two segments must not share an aligned block.
            long aLo = a.vaddr() & -align;
            long aHi = a.vaddr() + a.memSize();
            for (int j = i + 1; j < segments.size(); j++) {
                Segment c = segments.get(j);
                long cLo = c.vaddr() & -align;
                long cHi = c.vaddr() + c.memSize();
                if (aLo < cHi && cLo < aHi) {
                    throw new IllegalStateException(String.format(
                            "segments at 0x%x and 0x%x overlap once aligned to 0x%x", a.vaddr(), c.vaddr(), align));
                }
            }
        }
    }

    private void putAddr(ByteBuffer b, long v) {
        if (is64()) {
            b.putLong(v);
        } else {
            b.putInt((int) v);
        }
    }

    private void putPhdr(ByteBuffer b, int type, int pflags, long offset, long vaddr, long filesz, long memsz,
            long palign) {
        if (is64()) {
            b.putInt(type);
            b.putInt(pflags);
            b.putLong(offset);
            b.putLong(vaddr);
            b.putLong(vaddr); // p_paddr
            b.putLong(filesz);
            b.putLong(memsz);
            b.putLong(palign);
        } else {
            b.putInt(type);
            b.putInt((int) offset);
            b.putInt((int) vaddr);
            b.putInt((int) vaddr);
            b.putInt((int) filesz);
            b.putInt((int) memsz);
            b.putInt(pflags);
            b.putInt((int) palign);
        }
    }
}
