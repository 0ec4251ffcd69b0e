package dev.emu.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A minimal static ELF32 little-endian ARM executable: one R+X PT_LOAD holding the headers and code. */
final class TinyElf32 {
    static final long BASE = 0x10000;
    static final int CODE = 52 + 32;

    private TinyElf32() {}

    /** @param thumb the entry point's low bit set, as for a Thumb entry */
    static byte[] build(byte[] code, boolean thumb) {
        ByteBuffer b = ByteBuffer.allocate(CODE + code.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1, 0});
        b.position(16);
        b.putShort((short) 2).putShort((short) 40).putInt(1);
        b.putInt((int) (BASE + CODE + (thumb ? 1 : 0))).putInt(52).putInt(0).putInt(0x05000400);
        b.putShort((short) 52).putShort((short) 32).putShort((short) 1).putShort((short) 40).putShort((short) 0)
                .putShort((short) 0);
        b.putInt(1).putInt(0).putInt((int) BASE).putInt((int) BASE).putInt(CODE + code.length)
                .putInt(CODE + code.length).putInt(5).putInt(0x1000);
        b.put(code);
        return b.array();
    }

    static byte[] words(int... w) {
        ByteBuffer b = ByteBuffer.allocate(w.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : w) {
            b.putInt(x);
        }
        return b.array();
    }
}
