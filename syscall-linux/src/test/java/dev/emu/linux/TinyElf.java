package dev.emu.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A minimal static ELF64 little-endian executable: one R+X PT_LOAD holding the headers and code, and a bss. */
final class TinyElf {
    static final long BASE = 0x400000;

    private TinyElf() {}

    /** @param type 2 ET_EXEC or 3 ET_DYN (then linked at 0) */
    static byte[] build(int machine, int type, byte[] code, long bssSize) {
        long base = type == 3 ? 0 : BASE;
        int ehsize = 64;
        int phentsize = 56;
        int phnum = 2;
        int codeOff = ehsize + phentsize * phnum;
        int size = codeOff + code.length;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        b.position(16);
        b.putShort((short) type).putShort((short) machine).putInt(1);
        b.putLong(base + codeOff);       // e_entry
        b.putLong(ehsize);               // e_phoff
        b.putLong(0);                    // e_shoff
        b.putInt(0);                     // e_flags
        b.putShort((short) ehsize).putShort((short) phentsize).putShort((short) phnum);
        b.putShort((short) 64).putShort((short) 0).putShort((short) 0);
        // PT_LOAD, R+X, whole file, plus bss
        b.putInt(1).putInt(5).putLong(0).putLong(base).putLong(base).putLong(size).putLong(size + bssSize).putLong(0x1000);
        // PT_GNU_STACK RW
        b.putInt(0x6474e551).putInt(6).putLong(0).putLong(0).putLong(0).putLong(0).putLong(0).putLong(16);
        b.put(code);
        return b.array();
    }
}
