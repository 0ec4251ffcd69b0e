package dev.emu.core.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Typed access at an offset inside one page array that a TLB check has already vouched for:
 * the fast paths of {@link AddressSpace}, and generated code that checks the TLB once
 * ({@link AddressSpace#tlbReadPage}, {@link AddressSpace#tlbWritePage}) for several
 * accesses to one page. Generated code passes the offset of the group's first access plus
 * a constant, which lets C2 merge the array bounds checks of a group into one. Loads of 8
 * and 16 bits return the value zero-extended.
 */
public final class PageAccess {
    // char views load 16 bits zero-extended, which is what ld16 returns. Public for generated
    // code, which invokes them directly: a VarHandle access is inlined by HotSpot whatever the
    // size of the method it sits in, a call of one of the methods below is not.
    public static final VarHandle U16LE = MethodHandles.byteArrayViewVarHandle(char[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle U16BE = MethodHandles.byteArrayViewVarHandle(char[].class, ByteOrder.BIG_ENDIAN);
    public static final VarHandle I32LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle I32BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    public static final VarHandle I64LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle I64BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private PageAccess() {}

    public static int ld8(byte[] page, int offset) {
        return page[offset] & 0xFF;
    }

    public static int ld16le(byte[] page, int offset) {
        return (char) U16LE.get(page, offset);
    }

    public static int ld16be(byte[] page, int offset) {
        return (char) U16BE.get(page, offset);
    }

    public static int ld32le(byte[] page, int offset) {
        return (int) I32LE.get(page, offset);
    }

    public static int ld32be(byte[] page, int offset) {
        return (int) I32BE.get(page, offset);
    }

    public static long ld64le(byte[] page, int offset) {
        return (long) I64LE.get(page, offset);
    }

    public static long ld64be(byte[] page, int offset) {
        return (long) I64BE.get(page, offset);
    }

    public static void st8(byte[] page, int offset, int v) {
        page[offset] = (byte) v;
    }

    public static void st16le(byte[] page, int offset, int v) {
        U16LE.set(page, offset, (char) v);
    }

    public static void st16be(byte[] page, int offset, int v) {
        U16BE.set(page, offset, (char) v);
    }

    public static void st32le(byte[] page, int offset, int v) {
        I32LE.set(page, offset, v);
    }

    public static void st32be(byte[] page, int offset, int v) {
        I32BE.set(page, offset, v);
    }

    public static void st64le(byte[] page, int offset, long v) {
        I64LE.set(page, offset, v);
    }

    public static void st64be(byte[] page, int offset, long v) {
        I64BE.set(page, offset, v);
    }
}
