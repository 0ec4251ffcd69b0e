package dev.emu.core.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Compare-and-exchange on an aligned int or long inside a page's {@code byte[]}.
 *
 * <p>JDK 17 supports atomic access modes on byte-array views of aligned elements; newer JDKs
 * (22 and later) throw UnsupportedOperationException because a {@code byte[]} need not be
 * 8-byte aligned on every platform. There the swap runs under a lock striped by page and
 * offset: atomic against every other guest CAS, but not against a plain guest store racing
 * it to the same bytes (which the VarHandle path is). Which path runs is decided once.
 */
final class AtomicBytes {
    private static final VarHandle I32LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I64LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    static final boolean NATIVE = probe();
    private static final Object[] LOCKS = new Object[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new Object();
        }
    }

    private AtomicBytes() {}

    private static boolean probe() {
        try {
            I64LE.compareAndExchange(new byte[16], 8, 0L, 1L);
            I32LE.compareAndExchange(new byte[16], 4, 0, 1);
            return true;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            return false;
        }
    }

    private static Object lock(byte[] d, int off) {
        return LOCKS[(System.identityHashCode(d) ^ (off >>> 3)) & (LOCKS.length - 1)];
    }

    static int cas32(byte[] d, int off, int expected, int value, boolean bigEndian) {
        if (NATIVE) {
            return (int) (bigEndian ? I32BE : I32LE).compareAndExchange(d, off, expected, value);
        }
        return lockedCas32(d, off, expected, value, bigEndian);
    }

    static long cas64(byte[] d, int off, long expected, long value, boolean bigEndian) {
        if (NATIVE) {
            return (long) (bigEndian ? I64BE : I64LE).compareAndExchange(d, off, expected, value);
        }
        return lockedCas64(d, off, expected, value, bigEndian);
    }

    /** The fallback for JDKs without atomic byte-array views; package-private so JDK 17 tests run it. */
    static int lockedCas32(byte[] d, int off, int expected, int value, boolean bigEndian) {
        VarHandle h = bigEndian ? I32BE : I32LE;
        synchronized (lock(d, off)) {
            int old = (int) h.get(d, off);
            if (old == expected) {
                h.set(d, off, value);
            }
            return old;
        }
    }

    static long lockedCas64(byte[] d, int off, long expected, long value, boolean bigEndian) {
        VarHandle h = bigEndian ? I64BE : I64LE;
        synchronized (lock(d, off)) {
            long old = (long) h.get(d, off);
            if (old == expected) {
                h.set(d, off, value);
            }
            return old;
        }
    }
}
