package dev.emu.core.jit;

/** Helpers a test loads a second time in another class loader. */
public final class IsolatedHelpers {
    private IsolatedHelpers() {}

    public static long twice(long x) {
        return 2 * x;
    }
}
