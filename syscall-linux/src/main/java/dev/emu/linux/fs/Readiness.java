package dev.emu.linux.fs;

import dev.emu.linux.LinuxThread;

/**
 * What poll and select sleep on: every change that can make an emulator file ready (data
 * into a pipe, a reader or writer gone) bumps one counter and wakes the pollers, which then
 * look again. A poller reads the counter before it looks, so a change in between is never
 * slept through. Files the host owns (a terminal) change without telling: their pollers
 * sleep in short slices.
 */
public final class Readiness {
    private static final Object LOCK = new Object();
    private static long version;

    private Readiness() {}

    /** Something may have become ready. Never called with the poller's lock order reversed: LOCK is innermost. */
    public static void changed() {
        synchronized (LOCK) {
            version++;
            LOCK.notifyAll();
        }
    }

    public static long version() {
        synchronized (LOCK) {
            return version;
        }
    }

    /** Sleeps up to {@code millis} unless something changed since {@code seen}; a signal to {@code t} wakes it. */
    public static void await(LinuxThread t, long seen, long millis) throws InterruptedException {
        synchronized (LOCK) {
            if (version == seen) {
                t.sleepOn(LOCK, millis);
            }
        }
    }
}
