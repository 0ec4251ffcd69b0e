package dev.emu.linux.abi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A struct being built (or parsed) in the guest's byte order, by field offset. */
public final class GuestBuffer {
    private final ByteBuffer buf;

    public GuestBuffer(int size, ByteOrder order) {
        this.buf = ByteBuffer.allocate(size).order(order);
    }

    public GuestBuffer(byte[] bytes, ByteOrder order) {
        this.buf = ByteBuffer.wrap(bytes).order(order);
    }

    public GuestBuffer u8(int off, int v) {
        buf.put(off, (byte) v);
        return this;
    }

    public GuestBuffer u16(int off, int v) {
        buf.putShort(off, (short) v);
        return this;
    }

    public GuestBuffer u32(int off, long v) {
        buf.putInt(off, (int) v);
        return this;
    }

    public GuestBuffer u64(int off, long v) {
        buf.putLong(off, v);
        return this;
    }

    /** A C long / pointer of {@code bits} width. */
    public GuestBuffer word(int off, long v, int bits) {
        return bits == 64 ? u64(off, v) : u32(off, v);
    }

    /** A NUL-padded string in a fixed-size char array. */
    public GuestBuffer str(int off, String s, int size) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(b.length, size - 1);
        for (int i = 0; i < size; i++) {
            buf.put(off + i, i < n ? b[i] : 0);
        }
        return this;
    }

    public int getU8(int off) {
        return buf.get(off) & 0xff;
    }

    public int getU16(int off) {
        return buf.getShort(off) & 0xffff;
    }

    public int getI32(int off) {
        return buf.getInt(off);
    }

    public long getU32(int off) {
        return buf.getInt(off) & 0xffffffffL;
    }

    public long getU64(int off) {
        return buf.getLong(off);
    }

    public long getWord(int off, int bits) {
        return bits == 64 ? getU64(off) : getU32(off);
    }

    public byte[] bytes() {
        return buf.array();
    }

    public int size() {
        return buf.capacity();
    }
}
