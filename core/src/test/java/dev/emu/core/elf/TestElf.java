package dev.emu.core.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small ELF files for the tests: an ELF header, a program header table right after it,
 * and whatever segment contents the test places. Everything is settable, including values a
 * real linker would never write, so each check of the parser can be hit on purpose.
 */
final class TestElf {
    record Seg(int type, int flags, long offset, long vaddr, long filesz, long memsz, long align) {
    }

    boolean is64 = true;
    boolean bigEndian;
    int type = ElfImage.ET_EXEC;
    int machine = ElfMachine.EM_AARCH64;
    int flags;
    long entry;
    Long phoff;          // null: right after the header
    Integer phentsize;   // null: the right size for the class
    Integer phnum;       // null: segs.size()
    Integer ehsize;      // null: the right size for the class
    int fileSize = 0x400;
    final List<Seg> segs = new ArrayList<>();
    private final List<Object[]> blobs = new ArrayList<>();

    /** A 64-bit little-endian static AArch64 executable: text, data+bss, TLS, non-exec stack. */
    static TestElf static64() {
        TestElf e = new TestElf();
        e.entry = 0x400180;
        e.segs.add(new Seg(ProgramHeader.PT_LOAD, 5, 0, 0x400000, 0x300, 0x300, 0x1000));
        e.segs.add(new Seg(ProgramHeader.PT_LOAD, 6, 0x300, 0x401300, 0x80, 0x200, 0x1000));
        e.segs.add(new Seg(ProgramHeader.PT_TLS, 4, 0x300, 0x401300, 0x10, 0x40, 8));
        e.segs.add(new Seg(ProgramHeader.PT_GNU_STACK, 6, 0, 0, 0, 0, 16));
        return e;
    }

    /** A 32-bit big-endian dynamically linked PIE (MIPS-like) with PT_PHDR and PT_INTERP. */
    static TestElf dyn32be() {
        TestElf e = new TestElf();
        e.is64 = false;
        e.bigEndian = true;
        e.type = ElfImage.ET_DYN;
        e.machine = ElfMachine.EM_MIPS;
        e.flags = 0x70001007;
        e.entry = 0x200;
        e.segs.add(new Seg(ProgramHeader.PT_PHDR, 4, 0x34, 0x34, 5 * 32, 5 * 32, 4));
        e.segs.add(new Seg(ProgramHeader.PT_INTERP, 4, 0x100, 0x100, 14, 14, 1));
        e.segs.add(new Seg(ProgramHeader.PT_LOAD, 5, 0, 0, 0x300, 0x300, 0x10000));
        e.segs.add(new Seg(ProgramHeader.PT_LOAD, 6, 0x300, 0x10300, 0x100, 0x100, 0x10000));
        e.segs.add(new Seg(ProgramHeader.PT_GNU_STACK, 7, 0, 0, 0, 0, 16));
        e.put(0x100, "/lib/ld.so.1\0\0".getBytes(StandardCharsets.US_ASCII));
        return e;
    }

    TestElf put(int offset, byte[] bytes) {
        blobs.add(new Object[] {offset, bytes});
        return this;
    }

    int headerSize() {
        return is64 ? 64 : 52;
    }

    int phdrSize() {
        return is64 ? 56 : 32;
    }

    byte[] build() {
        byte[] out = new byte[fileSize];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (i * 7 + 3);  // recognisable filler in segment bodies
        }
        ByteBuffer b = ByteBuffer.wrap(out).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long table = phoff != null ? phoff : headerSize();
        int entSize = phentsize != null ? phentsize : phdrSize();
        b.put(0, (byte) 0x7f).put(1, (byte) 'E').put(2, (byte) 'L').put(3, (byte) 'F');
        b.put(4, (byte) (is64 ? 2 : 1)).put(5, (byte) (bigEndian ? 2 : 1)).put(6, (byte) 1);
        for (int i = 7; i < 16; i++) {
            b.put(i, (byte) 0);
        }
        b.putShort(0x10, (short) type).putShort(0x12, (short) machine).putInt(0x14, 1);
        if (is64) {
            b.putLong(0x18, entry).putLong(0x20, table).putLong(0x28, 0).putInt(0x30, flags);
            b.putShort(0x34, (short) (ehsize != null ? ehsize : 64)).putShort(0x36, (short) entSize);
            b.putShort(0x38, (short) (phnum != null ? phnum : segs.size()));
            b.putShort(0x3a, (short) 64).putShort(0x3c, (short) 0).putShort(0x3e, (short) 0);
        } else {
            b.putInt(0x18, (int) entry).putInt(0x1c, (int) table).putInt(0x20, 0).putInt(0x24, flags);
            b.putShort(0x28, (short) (ehsize != null ? ehsize : 52)).putShort(0x2a, (short) entSize);
            b.putShort(0x2c, (short) (phnum != null ? phnum : segs.size()));
            b.putShort(0x2e, (short) 40).putShort(0x30, (short) 0).putShort(0x32, (short) 0);
        }
        for (int i = 0; i < segs.size(); i++) {
            Seg s = segs.get(i);
            long pos = table + (long) i * phdrSize();
            int at = pos < 0 || pos > out.length ? -1 : (int) pos;
            if (at < 0 || at + phdrSize() > out.length) {
                break;  // a test that moves the table past the end wants it cut off
            }
            if (is64) {
                b.putInt(at, s.type()).putInt(at + 4, s.flags()).putLong(at + 8, s.offset())
                        .putLong(at + 16, s.vaddr()).putLong(at + 24, s.vaddr()).putLong(at + 32, s.filesz())
                        .putLong(at + 40, s.memsz()).putLong(at + 48, s.align());
            } else {
                b.putInt(at, s.type()).putInt(at + 4, (int) s.offset()).putInt(at + 8, (int) s.vaddr())
                        .putInt(at + 12, (int) s.vaddr()).putInt(at + 16, (int) s.filesz())
                        .putInt(at + 20, (int) s.memsz()).putInt(at + 24, s.flags()).putInt(at + 28, (int) s.align());
            }
        }
        for (Object[] blob : blobs) {
            byte[] bytes = (byte[]) blob[1];
            System.arraycopy(bytes, 0, out, (int) blob[0], bytes.length);
        }
        return out;
    }

    /** Replaces segment {@code i}. */
    TestElf set(int i, Seg s) {
        segs.set(i, s);
        return this;
    }
}
