package dev.emu.core.mem;

import static dev.emu.core.mem.AddressSpace.PAGE_SHIFT;
import static dev.emu.core.mem.AddressSpace.PAGE_SIZE;
import static dev.emu.core.mem.GuestFault.Access.EXECUTE;
import static dev.emu.core.mem.GuestFault.Access.READ;
import static dev.emu.core.mem.GuestFault.Access.WRITE;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The machinery behind {@link AddressSpace}'s fast paths: the page table, the filling and
 * flushing of the TLBs the fast paths read, the slow paths (page crossing, permission
 * faults, first touch, copy-on-write, code invalidation, hooks) and the page side of the
 * mapping calls. See {@link AddressSpace} for the TLB protocol between threads.
 */
final class Paging {
    static final int TLB_BITS = 10;
    static final int TLB_SIZE = 1 << TLB_BITS;
    static final int TLB_MASK = TLB_SIZE - 1;
    private static final int OFFSET_MASK = PAGE_SIZE - 1;

    private static final VarHandle TLB_SLOT = MethodHandles.arrayElementVarHandle(TlbEntry[].class);

    private final long pageLimit;
    /** The address space's own TLB arrays: its fast paths read them, only we write them. */
    private final TlbEntry[] readTlb;
    /** Instruction fetches: a lifter reads every instruction once per translation. */
    private final TlbEntry[] execTlb;
    private final TlbEntry[] writeTlb;
    private final PageTable pages;
    private final Object lock;
    /** Bumped (under the lock) after every page-table change, before TLB slots are cleared. */
    private volatile int generation;

    private volatile AccessObserver observer;
    volatile FaultHandler faultHandler;
    volatile CodeInvalidator codeInvalidator;

    /** Where first touches find their VMA; set right after construction. */
    Mappings mappings;

    Paging(long pageLimit, TlbEntry[] readTlb, TlbEntry[] writeTlb, TlbEntry[] execTlb, Object lock) {
        this.pageLimit = pageLimit;
        this.readTlb = readTlb;
        this.execTlb = execTlb;
        this.writeTlb = writeTlb;
        this.lock = lock;
        this.pages = new PageTable(pageLimit);
        Arrays.fill(readTlb, TlbEntry.EMPTY);
        Arrays.fill(execTlb, TlbEntry.EMPTY);
        Arrays.fill(writeTlb, TlbEntry.EMPTY);
    }

    // ---------------------------------------------------------------- slow paths

    long loadSlow(long addr, int size, boolean bigEndian) {
        try {
            return load(addr, size, bigEndian, READ);
        } catch (GuestFault f) {
            if (!handled(f)) {
                throw f;
            }
            return load(addr, size, bigEndian, READ);
        }
    }

    long fetchSlow(long addr, int size, boolean bigEndian) {
        try {
            return load(addr, size, bigEndian, EXECUTE);
        } catch (GuestFault f) {
            if (!handled(f)) {
                throw f;
            }
            return load(addr, size, bigEndian, EXECUTE);
        }
    }

    void storeSlow(long addr, int size, boolean bigEndian, long v) {
        try {
            store(addr, size, bigEndian, v);
        } catch (GuestFault f) {
            if (!handled(f)) {
                throw f;
            }
            store(addr, size, bigEndian, v);
        }
    }

    long casSlow(long addr, int size, boolean bigEndian, long expected, long value) {
        try {
            return cas(addr, size, bigEndian, expected, value);
        } catch (GuestFault f) {
            if (!handled(f)) {
                throw f;
            }
            return cas(addr, size, bigEndian, expected, value);
        }
    }

    private boolean handled(GuestFault f) {
        FaultHandler h = faultHandler;
        return h != null && (f.reason() == GuestFault.Reason.UNMAPPED || f.reason() == GuestFault.Reason.PROTECTION)
                && h.onFault(f);
    }

    private long load(long addr, int size, boolean bigEndian, GuestFault.Access access) {
        int gen = generation;
        AccessObserver obs = access == READ ? observer : null;
        long pn = addr >>> PAGE_SHIFT;
        int off = (int) addr & OFFSET_MASK;
        long v;
        if (off <= PAGE_SIZE - size) {
            Page p = readable(pn, addr, access, false);
            if (access == EXECUTE) {
                fill(execTlb, pn, p.data, gen);
            } else if (obs == null) {
                fill(readTlb, pn, p.data, gen);
            }
            v = get(p.data, off, size, bigEndian);
        } else {
            byte[] first = readable(pn, addr, access, false).data;
            byte[] second = readable(pn + 1, (pn + 1) << PAGE_SHIFT, access, false).data;
            v = 0;
            for (int i = 0; i < size; i++) {
                int o = off + i;
                long b = (o < PAGE_SIZE ? first[o] : second[o - PAGE_SIZE]) & 0xFF;
                v |= b << (8 * (bigEndian ? size - 1 - i : i));
            }
        }
        if (obs != null) {
            obs.onAccess(READ, addr, size, v);
        }
        return v;
    }

    private void store(long addr, int size, boolean bigEndian, long v) {
        int gen = generation;
        AccessObserver obs = observer;
        long pn = addr >>> PAGE_SHIFT;
        int off = (int) addr & OFFSET_MASK;
        if (off <= PAGE_SIZE - size) {
            Page p = writable(pn, addr, false, obs == null ? gen : NO_FILL);
            if (obs != null) {
                obs.onAccess(WRITE, addr, size, v);
            }
            put(p.data, off, size, bigEndian, v);
        } else {
            // Both pages are checked before either is written: a faulting store changes nothing.
            byte[] first = writable(pn, addr, false, NO_FILL).data;
            byte[] second = writable(pn + 1, (pn + 1) << PAGE_SHIFT, false, NO_FILL).data;
            if (obs != null) {
                obs.onAccess(WRITE, addr, size, v);
            }
            for (int i = 0; i < size; i++) {
                int o = off + i;
                byte b = (byte) (v >>> (8 * (bigEndian ? size - 1 - i : i)));
                if (o < PAGE_SIZE) {
                    first[o] = b;
                } else {
                    second[o - PAGE_SIZE] = b;
                }
            }
        }
    }

    private long cas(long addr, int size, boolean bigEndian, long expected, long value) {
        if ((addr & (size - 1)) != 0) {
            throw new GuestFault(addr, WRITE, GuestFault.Reason.ALIGNMENT);
        }
        int gen = generation;
        AccessObserver obs = observer;
        long pn = addr >>> PAGE_SHIFT;
        int off = (int) addr & OFFSET_MASK;
        Page p = writable(pn, addr, false, obs == null ? gen : NO_FILL);
        long old;
        if (size == 4) {
            old = AtomicBytes.cas32(p.data, off, (int) expected, (int) value, bigEndian) & 0xFFFF_FFFFL;
            expected &= 0xFFFF_FFFFL;
        } else {
            old = AtomicBytes.cas64(p.data, off, expected, value, bigEndian);
        }
        if (obs != null) {
            obs.onAccess(READ, addr, size, old);
            if (old == expected) {
                obs.onAccess(WRITE, addr, size, value);
            }
        }
        return old;
    }

    private static long get(byte[] data, int off, int size, boolean bigEndian) {
        switch (size) {
            case 1:
                return PageAccess.ld8(data, off);
            case 2:
                return bigEndian ? PageAccess.ld16be(data, off) : PageAccess.ld16le(data, off);
            case 4:
                return (bigEndian ? PageAccess.ld32be(data, off) : PageAccess.ld32le(data, off)) & 0xFFFF_FFFFL;
            default:
                return bigEndian ? PageAccess.ld64be(data, off) : PageAccess.ld64le(data, off);
        }
    }

    private static void put(byte[] data, int off, int size, boolean bigEndian, long v) {
        switch (size) {
            case 1 -> PageAccess.st8(data, off, (int) v);
            case 2 -> {
                if (bigEndian) {
                    PageAccess.st16be(data, off, (int) v);
                } else {
                    PageAccess.st16le(data, off, (int) v);
                }
            }
            case 4 -> {
                if (bigEndian) {
                    PageAccess.st32be(data, off, (int) v);
                } else {
                    PageAccess.st32le(data, off, (int) v);
                }
            }
            default -> {
                if (bigEndian) {
                    PageAccess.st64be(data, off, v);
                } else {
                    PageAccess.st64le(data, off, v);
                }
            }
        }
    }

    private static int bit(GuestFault.Access access) {
        return switch (access) {
            case READ -> Prot.READ;
            case WRITE -> Prot.WRITE;
            case EXECUTE -> Prot.EXEC;
        };
    }

    /** The page, present and permitting access (unless privileged); faults at faultAddr. */
    private Page readable(long pn, long faultAddr, GuestFault.Access access, boolean privileged) {
        Page p = pn < pageLimit ? pages.get(pn) : null;
        if (p == null) {
            p = materialize(pn, faultAddr, access, privileged);
        }
        if (!privileged && (p.prot & bit(access)) == 0) {
            throw new GuestFault(faultAddr, access, GuestFault.Reason.PROTECTION);
        }
        return p;
    }

    /** For {@link #writable}: leave the write TLB alone. */
    private static final long NO_FILL = Long.MIN_VALUE;

    /**
     * The page, ready to take a store: private to this space and free of translated code.
     * With a generation (read before the lookup) instead of NO_FILL it also fills the write
     * TLB, here rather than in the caller because a copy-on-write break bumps the generation
     * itself and must install the slot under the lock.
     */
    private Page writable(long pn, long faultAddr, boolean privileged, long fillGen) {
        Page p = readable(pn, faultAddr, WRITE, privileged);
        if ((p.flags & (Page.COW | Page.CODE)) == 0) {
            if (fillGen != NO_FILL) {
                fill(writeTlb, pn, p.data, (int) fillGen);
            }
            return p;
        }
        boolean wasCode;
        synchronized (lock) {
            p = pages.get(pn);
            if (p == null) {
                // Unmapped by another thread since we looked: the guest raced itself.
                throw new GuestFault(faultAddr, WRITE, GuestFault.Reason.UNMAPPED);
            }
            wasCode = p.has(Page.CODE);
            byte[] data = !p.has(Page.COW) ? p.data : p.data == Page.ZERO ? new byte[PAGE_SIZE] : p.data.clone();
            p = new Page(data, p.prot, p.flags & ~(Page.COW | Page.CODE));
            pages.set(pn, p);
            flush(pn, pn + 1);
            // The caller's fill would see our flush's generation bump and give up; under the
            // lock nothing can race, so install the slot here. Not for code pages: other
            // threads must not store into them before the invalidator has run.
            if (!wasCode && fillGen != NO_FILL) {
                TLB_SLOT.setVolatile(writeTlb, (int) pn & TLB_MASK, new TlbEntry(pn, p.data));
            }
        }
        if (wasCode) {
            CodeInvalidator inv = codeInvalidator;
            if (inv != null) {
                inv.invalidate(pn << PAGE_SHIFT, (pn + 1) << PAGE_SHIFT);
            }
        }
        return p;
    }

    /**
     * Makes the page table entry for a page the VMAs say exists: its first touch. A file page
     * is read without the lock (a Backing may take the file system's locks, whose holders may
     * be copying into guest memory) and installed only if its VMA is still the same.
     */
    private Page materialize(long pn, long faultAddr, GuestFault.Access access, boolean privileged) {
        if (pn >= pageLimit) {
            throw new GuestFault(faultAddr, access, GuestFault.Reason.UNMAPPED);
        }
        long pageAddr = pn << PAGE_SHIFT;
        while (true) {
            Vma v;
            synchronized (lock) {
                Page p = pages.get(pn);
                if (p != null) {
                    return p;
                }
                v = mappings.vmas.find(pageAddr);
                if (v == null) {
                    throw new GuestFault(faultAddr, access, GuestFault.Reason.UNMAPPED);
                }
                if (!privileged && (v.prot() & bit(access)) == 0) {
                    // Checked before the file so that a PROT_NONE page beyond EOF reports PROTECTION.
                    throw new GuestFault(faultAddr, access, GuestFault.Reason.PROTECTION);
                }
                if (v.backing() == null) {
                    p = new Page(Page.ZERO, v.prot(), Page.COW);
                    pages.set(pn, p);
                    return p;
                }
            }
            Page fresh = newPage(v, pageAddr, faultAddr, access);
            synchronized (lock) {
                Page p = pages.get(pn);
                if (p != null) {
                    return p;
                }
                if (mappings.vmas.find(pageAddr) == v) {
                    pages.set(pn, fresh);
                    return fresh;
                }
                // Remapped, split or reprotected meanwhile: start over from the new VMA.
            }
        }
    }

    private static Page newPage(Vma v, long pageAddr, long faultAddr, GuestFault.Access access) {
        Backing b = v.backing();
        long fileOffset = v.offset() + (pageAddr - v.start());
        if (fileOffset >= b.length()) {
            throw new GuestFault(faultAddr, access, GuestFault.Reason.BEYOND_FILE);
        }
        if (v.shared()) {
            byte[] data = b.sharedPage(fileOffset);
            if (data != null) {
                return new Page(data, v.prot(), Page.SHARED);
            }
        }
        byte[] data = new byte[PAGE_SIZE];
        b.read(fileOffset, data, 0, PAGE_SIZE);
        return new Page(data, v.prot(), 0);
    }

    private void fill(TlbEntry[] tlb, long pn, byte[] data, int gen) {
        int i = (int) pn & TLB_MASK;
        TLB_SLOT.setVolatile(tlb, i, new TlbEntry(pn, data));
        if (generation != gen) {
            TLB_SLOT.setVolatile(tlb, i, TlbEntry.EMPTY);
        }
    }

    /** After the page table changed for pages [fromPn, toPn): forget them. Holds the lock. */
    private void flush(long fromPn, long toPn) {
        flush(fromPn, toPn, true);
    }

    /** reads: the read and fetch TLBs too; false when only writing became harder (fork, markCode). */
    private void flush(long fromPn, long toPn, boolean reads) {
        generation++;
        if (toPn - fromPn >= TLB_SIZE) {
            for (int i = 0; i < TLB_SIZE; i++) {
                if (reads) {
                    TLB_SLOT.setVolatile(readTlb, i, TlbEntry.EMPTY);
                    TLB_SLOT.setVolatile(execTlb, i, TlbEntry.EMPTY);
                }
                TLB_SLOT.setVolatile(writeTlb, i, TlbEntry.EMPTY);
            }
            return;
        }
        for (long pn = fromPn; pn < toPn; pn++) {
            int i = (int) pn & TLB_MASK;
            if (reads && readTlb[i].page == pn) {
                TLB_SLOT.setVolatile(readTlb, i, TlbEntry.EMPTY);
            }
            if (reads && execTlb[i].page == pn) {
                TLB_SLOT.setVolatile(execTlb, i, TlbEntry.EMPTY);
            }
            if (writeTlb[i].page == pn) {
                TLB_SLOT.setVolatile(writeTlb, i, TlbEntry.EMPTY);
            }
        }
    }

    private void flushAll() {
        flush(0, TLB_SIZE);
    }

    // ---------------------------------------------------------------- bulk access

    void copy(long addr, byte[] buf, int off, int len, boolean toGuest, boolean privileged) {
        Objects.checkFromIndexSize(off, len, buf.length);
        while (len > 0) {
            long pn = addr >>> PAGE_SHIFT;
            int po = (int) addr & OFFSET_MASK;
            int n = Math.min(len, PAGE_SIZE - po);
            if (toGuest) {
                System.arraycopy(buf, off, writable(pn, addr, privileged, NO_FILL).data, po, n);
            } else {
                System.arraycopy(readable(pn, addr, READ, privileged).data, po, buf, off, n);
            }
            addr += n;
            off += n;
            len -= n;
        }
    }

    byte[] readCString(long addr, int max) {
        byte[] out = new byte[Math.min(max, 256)];
        int n = 0;
        while (n < max) {
            long pn = addr >>> PAGE_SHIFT;
            int po = (int) addr & OFFSET_MASK;
            byte[] data = readable(pn, addr, READ, false).data;
            int end = Math.min(PAGE_SIZE, po + (max - n));
            for (int i = po; i < end; i++) {
                if (data[i] == 0) {
                    return Arrays.copyOf(out, n);
                }
                if (n == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(max, 2L * out.length));
                }
                out[n++] = data[i];
            }
            addr += end - po;
        }
        return Arrays.copyOf(out, n);
    }

    // ---------------------------------------------------------------- page operations for Mappings
    // Called with the lock held, after the VMAs changed; each ends with the TLB flush.

    void dropPagesLocked(long start, long end, List<Long> code) {
        long from = start >>> PAGE_SHIFT;
        long to = end >>> PAGE_SHIFT;
        pages.forEach(from, to, (pn, p) -> {
            if (p.has(Page.CODE)) {
                code.add(pn);
            }
            pages.set(pn, null);
        });
        flush(from, to);
    }

    void reprotectPagesLocked(long start, long end, int prot, List<Long> code) {
        long from = start >>> PAGE_SHIFT;
        long to = end >>> PAGE_SHIFT;
        pages.forEach(from, to, (pn, p) -> {
            if (p.prot != prot) {
                if (p.has(Page.CODE)) {
                    code.add(pn);
                }
                pages.set(pn, new Page(p.data, prot, p.flags & ~Page.CODE));
            }
        });
        flush(from, to);
    }

    /** Moves the entries of [start, end) to newStart; the destination is empty. */
    void movePagesLocked(long start, long end, long newStart, List<Long> code) {
        long from = start >>> PAGE_SHIFT;
        long to = end >>> PAGE_SHIFT;
        long delta = (newStart >>> PAGE_SHIFT) - from;
        List<Page> moved = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        pages.forEach(from, to, (pn, p) -> {
            if (p.has(Page.CODE)) {
                code.add(pn);
            }
            moved.add(p.withFlags(p.flags & ~Page.CODE));
            at.add(pn + delta);
            pages.set(pn, null);
        });
        for (int i = 0; i < moved.size(); i++) {
            pages.set(at.get(i), moved.get(i));
        }
        flush(from, to);
        flush(from + delta, to + delta);
    }

    /** Calls the invalidator, without the lock, once per run of consecutive code pages. */
    void invalidate(List<Long> codePages) {
        CodeInvalidator inv = codeInvalidator;
        if (inv == null || codePages.isEmpty()) {
            return;
        }
        long runStart = codePages.get(0);
        long prev = runStart;
        for (int i = 1; i <= codePages.size(); i++) {
            long pn = i < codePages.size() ? codePages.get(i) : -2;
            if (pn != prev + 1) {
                inv.invalidate(runStart << PAGE_SHIFT, (prev + 1) << PAGE_SHIFT);
                runStart = pn;
            }
            prev = pn;
        }
    }

    /** fork's half for pages: the child shares every page, private ones copy-on-write. Holds our lock. */
    void forkInto(Paging child) {
        pages.forEach(0, pageLimit, (pn, p) -> {
            if (p.has(Page.SHARED)) {
                child.pages.set(pn, p.withFlags(p.flags & ~Page.CODE));
            } else {
                Page cow = p.withFlags(p.flags | Page.COW);
                pages.set(pn, cow);
                child.pages.set(pn, cow.withFlags(cow.flags & ~Page.CODE));
            }
        });
        // Reads of shared data stay valid; only writes must now go through the copy.
        flush(0, TLB_SIZE, false);
    }

    // ---------------------------------------------------------------- code marks and hooks

    void markCode(long start, long end) {
        if (Long.compareUnsigned(start, end) >= 0) {
            return;
        }
        long from = start >>> PAGE_SHIFT;
        long to = Math.min(pageLimit, ((end - 1) >>> PAGE_SHIFT) + 1);
        synchronized (lock) {
            // Absent pages were never fetched from, so hold no code.
            pages.forEach(from, to, (pn, p) -> {
                if (!p.has(Page.CODE)) {
                    pages.set(pn, p.withFlags(p.flags | Page.CODE));
                }
            });
            flush(from, to, false);
        }
    }

    boolean isCode(long addr) {
        long pn = addr >>> PAGE_SHIFT;
        Page p = pn < pageLimit ? pages.get(pn) : null;
        return p != null && p.has(Page.CODE);
    }

    void setAccessObserver(AccessObserver o) {
        synchronized (lock) {
            observer = o;
            flushAll();
        }
    }
}
