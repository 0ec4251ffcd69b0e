package dev.emu.linux.sys;

import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;
import dev.emu.linux.Errno;
import dev.emu.linux.SyscallError;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Futex wait queues, keyed by address space and address (private and shared futexes alike:
 * a shared futex between processes needs a shared mapping, which is keyed by its pages in
 * a later part). Waking takes the same lock a waiter holds while it compares the word, so a
 * wake that follows the guest's store is never lost.
 */
public final class Futexes {
    private record Key(AddressSpace mem, long addr) {}

    private static final class Waiter {
        final int bitset;
        Key key;
        boolean woken;

        Waiter(int bitset, Key key) {
            this.bitset = bitset;
            this.key = key;
        }
    }

    private final Map<Key, Deque<Waiter>> queues = new HashMap<>();

    /**
     * FUTEX_WAIT: sleeps while the word at addr equals {@code expected}, until woken, the
     * deadline ({@link System#nanoTime}, 0 for none) or {@code stop} says so.
     */
    public long await(AddressSpace mem, boolean bigEndian, long addr, int expected, int bitset, long deadline,
                      java.util.function.BooleanSupplier stop) {
        Key key = new Key(mem, addr);
        Waiter w = new Waiter(bitset, key);
        synchronized (this) {
            int now;
            try {
                now = bigEndian ? mem.ld32be(addr) : mem.ld32le(addr);
            } catch (GuestFault f) {
                throw new SyscallError(Errno.EFAULT);
            }
            if (now != expected) {
                return -Errno.EAGAIN;
            }
            queues.computeIfAbsent(key, k -> new ArrayDeque<>()).add(w);
            try {
                while (!w.woken) {
                    if (stop.getAsBoolean()) {
                        return -Errno.EINTR;
                    }
                    long wait = 50;
                    if (deadline != 0) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            return -Errno.ETIMEDOUT;
                        }
                        wait = Math.max(1, Math.min(wait, left / 1_000_000));
                    }
                    dev.emu.linux.LinuxThread t = dev.emu.linux.LinuxThread.current();
                    if (t != null) {
                        t.sleepOn(this, wait);
                    } else {
                        wait(wait);
                    }
                }
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -Errno.EINTR;
            } finally {
                if (!w.woken) {
                    Deque<Waiter> q = queues.get(w.key);
                    if (q != null) {
                        q.remove(w);
                        if (q.isEmpty()) {
                            queues.remove(w.key);
                        }
                    }
                }
            }
        }
    }

    /** FUTEX_WAKE: wakes up to {@code n} waiters whose bitset meets {@code bitset}; returns how many. */
    public synchronized int wake(AddressSpace mem, long addr, int n, int bitset) {
        Deque<Waiter> q = queues.get(new Key(mem, addr));
        if (q == null) {
            return 0;
        }
        int woken = 0;
        List<Waiter> keep = new ArrayList<>();
        while (woken < n && !q.isEmpty()) {
            Waiter w = q.poll();
            if ((w.bitset & bitset) == 0) {
                keep.add(w);
                continue;
            }
            w.woken = true;
            woken++;
        }
        for (int i = keep.size() - 1; i >= 0; i--) {
            q.addFirst(keep.get(i));
        }
        if (q.isEmpty()) {
            queues.remove(new Key(mem, addr));
        }
        if (woken > 0) {
            notifyAll();
        }
        return woken;
    }

    /** FUTEX_REQUEUE: wakes n, then moves up to {@code move} of the rest to addr2's queue. */
    public synchronized int requeue(AddressSpace mem, long addr, int n, long addr2, int move) {
        int woken = wake(mem, addr, n, -1);
        Deque<Waiter> q = queues.get(new Key(mem, addr));
        int moved = 0;
        if (q != null) {
            Key k2 = new Key(mem, addr2);
            Deque<Waiter> to = queues.computeIfAbsent(k2, k -> new ArrayDeque<>());
            while (moved < move && !q.isEmpty()) {
                Waiter w = q.poll();
                w.key = k2;
                to.add(w);
                moved++;
            }
            if (q.isEmpty()) {
                queues.remove(new Key(mem, addr));
            }
        }
        return woken + moved;
    }
}
