package dev.emu.core.mem;

import static dev.emu.core.mem.GuestFault.Access.EXECUTE;
import static dev.emu.core.mem.GuestFault.Access.READ;
import static dev.emu.core.mem.GuestFault.Access.WRITE;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The memory of one guest process.
 *
 * <p>4 KiB pages of {@code byte[]} in a {@link PageTable}, filled in lazily from the
 * {@link Vma} list the first time the guest touches them (untouched anonymous memory reads a
 * shared zero page). Typed loads and stores go through two small direct-mapped software
 * TLBs, one for reads and one for writes, with one compare on the hit path; a write TLB entry
 * exists only for a page the guest may write right now without a copy-on-write break or a
 * code invalidation, so every special case lives in the slow path. Accesses that cross a page
 * take the slow path and see both pages' permissions. A bad access throws {@link GuestFault},
 * never another exception.
 *
 * <p>Addresses are unsigned; a 32-bit guest passes them zero-extended. An address at or above
 * {@link #limit()} (2^32, or 2^48 for a 64-bit guest) is unmapped.
 *
 * <p>Threads: typed accesses are lock-free; mapping changes take a lock. A change bumps a
 * generation counter before it clears TLB slots, and a thread that fills a slot checks the
 * counter afterwards and clears the slot again if it moved, so no slot outlives the mapping
 * it came from. Like any emulator without cross-thread TLB shootdown, another thread may use
 * a stale slot for the instant between the change and its next memory synchronisation;
 * a guest that races an access against munmap of the same page has no defined result anyway.
 */
public final class AddressSpace {
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    public static final long PAGE_MASK = PAGE_SIZE - 1;

    /** Linux's default vm.mmap_min_addr: no placement below 64 KiB. */
    public static final long DEFAULT_MMAP_MIN = 0x10000L;
    public static final long DEFAULT_MMAP_BASE_64 = 0x7f00_0000_0000L;
    public static final long DEFAULT_MMAP_BASE_32 = 0xf700_0000L;

    private static final int TLB_BITS = 10;
    private static final int TLB_SIZE = 1 << TLB_BITS;
    private static final int TLB_MASK = TLB_SIZE - 1;
    private static final int OFFSET_MASK = PAGE_SIZE - 1;

    // char views load 16 bits zero-extended, which is what ld16 returns.
    private static final VarHandle U16LE = MethodHandles.byteArrayViewVarHandle(char[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle U16BE = MethodHandles.byteArrayViewVarHandle(char[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I32LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I64LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle TLB_SLOT = MethodHandles.arrayElementVarHandle(TlbEntry[].class);

    private final int addressBits;
    private final long limit;
    private final long pageLimit;
    private final TlbEntry[] readTlb = new TlbEntry[TLB_SIZE];
    private final TlbEntry[] writeTlb = new TlbEntry[TLB_SIZE];
    private final PageTable pages;
    private final Object lock = new Object();
    /** Bumped (under the lock) after every page-table change, before TLB slots are cleared. */
    private volatile int generation;

    private volatile AccessObserver observer;
    private volatile FaultHandler faultHandler;
    private volatile CodeInvalidator codeInvalidator;

    /** The VMAs and the mapping calls; replaced only by fork, before the child is published. */
    private Mappings mappings;

    /**
     * @param addressBits 32 for a 32-bit guest (all 4 GiB usable), 64 for a 64-bit guest
     *                    (every address below 2^48 usable)
     */
    public AddressSpace(int addressBits) {
        if (addressBits != 32 && addressBits != 64) {
            throw new IllegalArgumentException("addressBits must be 32 or 64, not " + addressBits);
        }
        this.addressBits = addressBits;
        this.limit = 1L << (addressBits == 32 ? 32 : 48);
        this.pageLimit = limit >>> PAGE_SHIFT;
        this.pages = new PageTable(pageLimit);
        this.mappings = new Mappings(this, lock, limit,
                addressBits == 32 ? DEFAULT_MMAP_BASE_32 : DEFAULT_MMAP_BASE_64, new VmaSet());
        Arrays.fill(readTlb, TlbEntry.EMPTY);
        Arrays.fill(writeTlb, TlbEntry.EMPTY);
    }

    public int addressBits() {
        return addressBits;
    }

    /** The first address that is never mapped: 2^32 or 2^48. */
    public long limit() {
        return limit;
    }

    // ---------------------------------------------------------------- typed access (hot)
    // Each hit path is one slot load and one compare: the tag is compared with the page of the
    // access's LAST byte while the slot is chosen by its first, so an access that crosses a
    // page never hits (the slot of page n never holds page n + 1) and needs no second test.

    /** Zero-extended byte. */
    public int ld8(long addr) {
        TlbEntry e = readTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == addr >>> PAGE_SHIFT) {
            return e.data[(int) addr & OFFSET_MASK] & 0xFF;
        }
        return (int) loadSlow(addr, 1, false);
    }

    /** Zero-extended halfword. */
    public int ld16le(long addr) {
        TlbEntry e = readTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == (addr + 1) >>> PAGE_SHIFT) {
            return (char) U16LE.get(e.data, (int) addr & OFFSET_MASK);
        }
        return (int) loadSlow(addr, 2, false);
    }

    public int ld16be(long addr) {
        TlbEntry e = readTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == (addr + 1) >>> PAGE_SHIFT) {
            return (char) U16BE.get(e.data, (int) addr & OFFSET_MASK);
        }
        return (int) loadSlow(addr, 2, true);
    }

    public int ld32le(long addr) {
        TlbEntry e = readTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == (addr + 3) >>> PAGE_SHIFT) {
            return (int) I32LE.get(e.data, (int) addr & OFFSET_MASK);
        }
        return (int) loadSlow(addr, 4, false);
    }

    public int ld32be(long addr) {
        TlbEntry e = readTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == (addr + 3) >>> PAGE_SHIFT) {
            return (int) I32BE.get(e.data, (int) addr & OFFSET_MASK);
        }
        return (int) loadSlow(addr, 4, true);
    }

    public long ld64le(long addr) {
        TlbEntry e = readTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == (addr + 7) >>> PAGE_SHIFT) {
            return (long) I64LE.get(e.data, (int) addr & OFFSET_MASK);
        }
        return loadSlow(addr, 8, false);
    }

    public long ld64be(long addr) {
        TlbEntry e = readTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == (addr + 7) >>> PAGE_SHIFT) {
            return (long) I64BE.get(e.data, (int) addr & OFFSET_MASK);
        }
        return loadSlow(addr, 8, true);
    }

    public void st8(long addr, int v) {
        TlbEntry e = writeTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == addr >>> PAGE_SHIFT) {
            e.data[(int) addr & OFFSET_MASK] = (byte) v;
        } else {
            storeSlow(addr, 1, false, v);
        }
    }

    public void st16le(long addr, int v) {
        TlbEntry e = writeTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == (addr + 1) >>> PAGE_SHIFT) {
            U16LE.set(e.data, (int) addr & OFFSET_MASK, (char) v);
        } else {
            storeSlow(addr, 2, false, v);
        }
    }

    public void st16be(long addr, int v) {
        TlbEntry e = writeTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == (addr + 1) >>> PAGE_SHIFT) {
            U16BE.set(e.data, (int) addr & OFFSET_MASK, (char) v);
        } else {
            storeSlow(addr, 2, true, v);
        }
    }

    public void st32le(long addr, int v) {
        TlbEntry e = writeTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == (addr + 3) >>> PAGE_SHIFT) {
            I32LE.set(e.data, (int) addr & OFFSET_MASK, v);
        } else {
            storeSlow(addr, 4, false, v);
        }
    }

    public void st32be(long addr, int v) {
        TlbEntry e = writeTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == (addr + 3) >>> PAGE_SHIFT) {
            I32BE.set(e.data, (int) addr & OFFSET_MASK, v);
        } else {
            storeSlow(addr, 4, true, v);
        }
    }

    public void st64le(long addr, long v) {
        TlbEntry e = writeTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == (addr + 7) >>> PAGE_SHIFT) {
            I64LE.set(e.data, (int) addr & OFFSET_MASK, v);
        } else {
            storeSlow(addr, 8, false, v);
        }
    }

    public void st64be(long addr, long v) {
        TlbEntry e = writeTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == (addr + 7) >>> PAGE_SHIFT) {
            I64BE.set(e.data, (int) addr & OFFSET_MASK, v);
        } else {
            storeSlow(addr, 8, true, v);
        }
    }

    // The tag of an aligned access's last byte equals its first's, and a misaligned CAS must
    // fault, so CAS tests alignment and the tag of the first byte.

    /** Atomic compare-and-swap; returns the old value. Misaligned: GuestFault ALIGNMENT. */
    public int cas32le(long addr, int expected, int value) {
        TlbEntry e = writeTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == addr >>> PAGE_SHIFT && (addr & 3) == 0) {
            return (int) I32LE.compareAndExchange(e.data, (int) addr & OFFSET_MASK, expected, value);
        }
        return (int) casSlow(addr, 4, false, expected, value);
    }

    public int cas32be(long addr, int expected, int value) {
        TlbEntry e = writeTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == addr >>> PAGE_SHIFT && (addr & 3) == 0) {
            return (int) I32BE.compareAndExchange(e.data, (int) addr & OFFSET_MASK, expected, value);
        }
        return (int) casSlow(addr, 4, true, expected, value);
    }

    public long cas64le(long addr, long expected, long value) {
        TlbEntry e = writeTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == addr >>> PAGE_SHIFT && (addr & 7) == 0) {
            return (long) I64LE.compareAndExchange(e.data, (int) addr & OFFSET_MASK, expected, value);
        }
        return casSlow(addr, 8, false, expected, value);
    }

    public long cas64be(long addr, long expected, long value) {
        TlbEntry e = writeTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK];
        if (e.page == addr >>> PAGE_SHIFT && (addr & 7) == 0) {
            return (long) I64BE.compareAndExchange(e.data, (int) addr & OFFSET_MASK, expected, value);
        }
        return casSlow(addr, 8, true, expected, value);
    }

    /** Full fence. */
    public static void fence() {
        VarHandle.fullFence();
    }

    // ---------------------------------------------------------------- instruction fetch
    // Lifters fetch once per translated instruction, not per execution: no TLB needed.

    public int fetch8(long addr) {
        return (int) fetchSlow(addr, 1, false);
    }

    public int fetch16le(long addr) {
        return (int) fetchSlow(addr, 2, false);
    }

    public int fetch16be(long addr) {
        return (int) fetchSlow(addr, 2, true);
    }

    public int fetch32le(long addr) {
        return (int) fetchSlow(addr, 4, false);
    }

    public int fetch32be(long addr) {
        return (int) fetchSlow(addr, 4, true);
    }

    // ---------------------------------------------------------------- slow paths

    private long loadSlow(long addr, int size, boolean bigEndian) {
        try {
            return load(addr, size, bigEndian, READ);
        } catch (GuestFault f) {
            if (!handled(f)) {
                throw f;
            }
            return load(addr, size, bigEndian, READ);
        }
    }

    private long fetchSlow(long addr, int size, boolean bigEndian) {
        try {
            return load(addr, size, bigEndian, EXECUTE);
        } catch (GuestFault f) {
            if (!handled(f)) {
                throw f;
            }
            return load(addr, size, bigEndian, EXECUTE);
        }
    }

    private void storeSlow(long addr, int size, boolean bigEndian, long v) {
        try {
            store(addr, size, bigEndian, v);
        } catch (GuestFault f) {
            if (!handled(f)) {
                throw f;
            }
            store(addr, size, bigEndian, v);
        }
    }

    private long casSlow(long addr, int size, boolean bigEndian, long expected, long value) {
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
            if (access == READ && obs == null) {
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
            Page p = writable(pn, addr, false);
            if (obs == null) {
                fill(writeTlb, pn, p.data, gen);
            } else {
                obs.onAccess(WRITE, addr, size, v);
            }
            put(p.data, off, size, bigEndian, v);
        } else {
            // Both pages are checked before either is written: a faulting store changes nothing.
            byte[] first = writable(pn, addr, false).data;
            byte[] second = writable(pn + 1, (pn + 1) << PAGE_SHIFT, false).data;
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
        Page p = writable(pn, addr, false);
        if (obs == null) {
            fill(writeTlb, pn, p.data, gen);
        }
        long old;
        if (size == 4) {
            VarHandle h = bigEndian ? I32BE : I32LE;
            old = (int) h.compareAndExchange(p.data, off, (int) expected, (int) value) & 0xFFFF_FFFFL;
            expected &= 0xFFFF_FFFFL;
        } else {
            VarHandle h = bigEndian ? I64BE : I64LE;
            old = (long) h.compareAndExchange(p.data, off, expected, value);
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
                return data[off] & 0xFF;
            case 2:
                return (char) (bigEndian ? U16BE : U16LE).get(data, off);
            case 4:
                return (int) (bigEndian ? I32BE : I32LE).get(data, off) & 0xFFFF_FFFFL;
            default:
                return (long) (bigEndian ? I64BE : I64LE).get(data, off);
        }
    }

    private static void put(byte[] data, int off, int size, boolean bigEndian, long v) {
        switch (size) {
            case 1 -> data[off] = (byte) v;
            case 2 -> (bigEndian ? U16BE : U16LE).set(data, off, (char) v);
            case 4 -> (bigEndian ? I32BE : I32LE).set(data, off, (int) v);
            default -> (bigEndian ? I64BE : I64LE).set(data, off, v);
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

    /** The page, ready to take a store: private to this space and free of translated code. */
    private Page writable(long pn, long faultAddr, boolean privileged) {
        Page p = readable(pn, faultAddr, WRITE, privileged);
        if ((p.flags & (Page.COW | Page.CODE)) == 0) {
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
        }
        if (wasCode) {
            CodeInvalidator inv = codeInvalidator;
            if (inv != null) {
                inv.invalidate(pn << PAGE_SHIFT, (pn + 1) << PAGE_SHIFT);
            }
        }
        return p;
    }

    /** Makes the page table entry for a page the VMAs say exists: its first touch. */
    private Page materialize(long pn, long faultAddr, GuestFault.Access access, boolean privileged) {
        if (pn >= pageLimit) {
            throw new GuestFault(faultAddr, access, GuestFault.Reason.UNMAPPED);
        }
        synchronized (lock) {
            Page p = pages.get(pn);
            if (p != null) {
                return p;
            }
            long pageAddr = pn << PAGE_SHIFT;
            Vma v = mappings.vmas.find(pageAddr);
            if (v == null) {
                throw new GuestFault(faultAddr, access, GuestFault.Reason.UNMAPPED);
            }
            if (!privileged && (v.prot() & bit(access)) == 0) {
                // Checked here too so that a PROT_NONE page beyond EOF reports PROTECTION.
                throw new GuestFault(faultAddr, access, GuestFault.Reason.PROTECTION);
            }
            p = newPage(v, pageAddr, faultAddr, access);
            pages.set(pn, p);
            return p;
        }
    }

    private static Page newPage(Vma v, long pageAddr, long faultAddr, GuestFault.Access access) {
        Backing b = v.backing();
        if (b == null) {
            return new Page(Page.ZERO, v.prot(), Page.COW);
        }
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
        generation++;
        if (toPn - fromPn >= TLB_SIZE) {
            for (int i = 0; i < TLB_SIZE; i++) {
                TLB_SLOT.setVolatile(readTlb, i, TlbEntry.EMPTY);
                TLB_SLOT.setVolatile(writeTlb, i, TlbEntry.EMPTY);
            }
            return;
        }
        for (long pn = fromPn; pn < toPn; pn++) {
            int i = (int) pn & TLB_MASK;
            if (readTlb[i].page == pn) {
                TLB_SLOT.setVolatile(readTlb, i, TlbEntry.EMPTY);
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

    /** Copies guest memory out, checking READ; faults at the first byte that cannot be read. */
    public void read(long addr, byte[] dst, int off, int len) {
        copy(addr, dst, off, len, false, false);
    }

    /** Copies into guest memory, checking WRITE; faults at the first byte that cannot be written. */
    public void write(long addr, byte[] src, int off, int len) {
        copy(addr, src, off, len, true, false);
    }

    /** Like {@link #read} but ignoring permissions (debuggers, the OS layer). Unmapped still faults. */
    public void peek(long addr, byte[] dst, int off, int len) {
        copy(addr, dst, off, len, false, true);
    }

    /** Like {@link #write} but ignoring permissions (ELF loading into read-only pages, breakpoints). */
    public void poke(long addr, byte[] src, int off, int len) {
        copy(addr, src, off, len, true, true);
    }

    private void copy(long addr, byte[] buf, int off, int len, boolean toGuest, boolean privileged) {
        Objects.checkFromIndexSize(off, len, buf.length);
        while (len > 0) {
            long pn = addr >>> PAGE_SHIFT;
            int po = (int) addr & OFFSET_MASK;
            int n = Math.min(len, PAGE_SIZE - po);
            if (toGuest) {
                System.arraycopy(buf, off, writable(pn, addr, privileged).data, po, n);
            } else {
                System.arraycopy(readable(pn, addr, READ, privileged).data, po, buf, off, n);
            }
            addr += n;
            off += n;
            len -= n;
        }
    }

    /**
     * The NUL-terminated string at addr, without its NUL, of at most max bytes (a string that
     * runs longer is cut at max). Faults at the first unreadable byte before the end.
     */
    public byte[] readCString(long addr, int max) {
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

    // ---------------------------------------------------------------- simple mapping API

    /**
     * Maps [addr, addr + len) anonymous, private, zero-filled, replacing whatever was there.
     * addr must be page-aligned; len is rounded up to pages.
     */
    public void map(long addr, long len, int prot) {
        check(mmap(addr, len, prot, MapFlags.PRIVATE | MapFlags.FIXED | MapFlags.ANONYMOUS, null, 0),
                "map", addr, len);
    }

    /** Unmaps [addr, addr + len); pages that were not mapped are fine. */
    public void unmap(long addr, long len) {
        check(munmap(addr, len), "unmap", addr, len);
    }

    /** Changes the permissions of [addr, addr + len), which must be mapped. */
    public void protect(long addr, long len, int prot) {
        check(mprotect(addr, len, prot), "protect", addr, len);
    }

    private static void check(long result, String what, long addr, long len) {
        if (Errno.isError(result)) {
            throw new IllegalArgumentException(what + "(0x" + Long.toHexString(addr) + ", 0x" + Long.toHexString(len)
                    + ") failed with errno " + -result);
        }
    }

    /** Whether a VMA covers addr. */
    public boolean isMapped(long addr) {
        synchronized (lock) {
            return mappings.vmas.find(addr) != null;
        }
    }

    /** The protection at addr, or -1 if nothing is mapped there. */
    public int protAt(long addr) {
        synchronized (lock) {
            Vma v = mappings.vmas.find(addr);
            return v == null ? -1 : v.prot();
        }
    }

    /** The VMA covering addr, or null. */
    public Vma findVma(long addr) {
        synchronized (lock) {
            return mappings.vmas.find(addr);
        }
    }

    /** A snapshot of the VMAs in address order. */
    public List<Vma> vmas() {
        synchronized (lock) {
            return mappings.vmas.all();
        }
    }

    // ---------------------------------------------------------------- Linux mapping calls
    // Results follow the syscalls: an address, 0 or a break on success, a negated errno
    // (see Errno) on failure; bad guest arguments never throw.

    /** Where top-down placement starts (Linux's mm->mmap_base). */
    public long mmapBase() {
        return mappings.mmapBase();
    }

    public void setMmapBase(long base) {
        mappings.setMmapBase(base);
    }

    /** The lowest address placement may choose (vm.mmap_min_addr, 64 KiB by default). */
    public void setMmapMin(long min) {
        mappings.setMmapMin(min);
    }

    /**
     * mmap(2). A null backing means anonymous memory (MAP_ANONYMOUS need not be set); flags
     * are {@link MapFlags}, which must include MAP_SHARED or MAP_PRIVATE. Without MAP_FIXED a
     * free hint is taken (rounded up to a page), else the highest free range below
     * {@link #mmapBase()}, else the highest anywhere. MAP_FIXED replaces what was there;
     * MAP_FIXED_NOREPLACE fails with -EEXIST instead. A private file mapping copies the file's
     * pages on first touch; a shared one uses {@link Backing#sharedPage}. Pages wholly beyond
     * the file's end fault with BEYOND_FILE. Returns the address, or -EINVAL, -ENOMEM, -EEXIST.
     */
    public long mmap(long hint, long len, int prot, int flags, Backing backing, long offset) {
        return mappings.mmap(hint, len, prot, flags, backing, offset);
    }

    /** munmap(2): 0, or -EINVAL for a misaligned or out-of-range request. Unmapping nothing succeeds. */
    public long munmap(long addr, long len) {
        return mappings.munmap(addr, len);
    }

    /** mprotect(2): 0, -EINVAL (misaligned), -ENOMEM (part unmapped). Only PROT_READ/WRITE/EXEC count. */
    public long mprotect(long addr, long len, int prot) {
        return mappings.mprotect(addr, len, prot);
    }

    /**
     * mremap(2): shrinks in place, grows in place when the pages after the mapping are free,
     * else moves with {@link MapFlags#MREMAP_MAYMOVE} (data moves, nothing is copied), or to
     * newAddr with {@link MapFlags#MREMAP_FIXED}. Returns the address, or -EINVAL, -EFAULT (old
     * range not inside one mapping), -ENOMEM (cannot grow and may not move).
     */
    public long mremap(long oldAddr, long oldSize, long newSize, int flags, long newAddr) {
        return mappings.mremap(oldAddr, oldSize, newSize, flags, newAddr);
    }

    /** Sets the initial program break (after the ELF is loaded: the end of its bss). */
    public void setBrk(long start) {
        mappings.setBrk(start);
    }

    /** brk(2): returns the new break, or the unchanged one if the request cannot be met. */
    public long brk(long newBrk) {
        return mappings.brk(newBrk);
    }

    public long currentBrk() {
        return mappings.currentBrk();
    }

    /** Sets the name /proc/self/maps shows for [start, start + len) ("[stack]"); 0 or -errno. */
    public long setName(long start, long len, String name) {
        return mappings.setName(start, len, name);
    }

    /** The contents of /proc/self/maps, byte for byte as a 64-bit Linux kernel prints them. */
    public String procMaps() {
        return mappings.procMaps();
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

    // ---------------------------------------------------------------- fork

    /**
     * fork(2): a copy of this space that shares every private page copy-on-write (whichever
     * side writes first copies) and every MAP_SHARED page for real. The child has the same
     * VMAs, break and placement settings, no hooks and no code marks (its translations are
     * its own). Other threads of this process should be stopped, as they are in a real fork:
     * one racing a store through a TLB slot being flushed here could leak it into the child.
     */
    public AddressSpace fork() {
        AddressSpace child = new AddressSpace(addressBits);
        synchronized (lock) {
            child.mappings = mappings.copyFor(child, child.lock);
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
            generation++;
            for (int i = 0; i < TLB_SIZE; i++) {
                TLB_SLOT.setVolatile(writeTlb, i, TlbEntry.EMPTY);
            }
        }
        return child;
    }

    // ---------------------------------------------------------------- translated code

    /** Who to tell when a page holding translated code changes; null for nobody. */
    public void setCodeInvalidator(CodeInvalidator invalidator) {
        this.codeInvalidator = invalidator;
    }

    /**
     * Marks the pages of [start, end) as holding translated code: stores to them leave the fast
     * path and call the {@link CodeInvalidator} once before the first store, which clears the
     * mark. Pages not mapped are skipped.
     */
    public void markCode(long start, long end) {
        if (Long.compareUnsigned(start, end) >= 0) {
            return;
        }
        long from = start >>> PAGE_SHIFT;
        long to = Math.min(pageLimit, ((end - 1) >>> PAGE_SHIFT) + 1);
        synchronized (lock) {
            for (long pn = from; pn < to; pn++) {
                // Absent pages were never fetched from, so hold no code.
                Page p = pages.get(pn);
                if (p != null && !p.has(Page.CODE)) {
                    pages.set(pn, p.withFlags(p.flags | Page.CODE));
                }
            }
            flush(from, to);
        }
    }

    /** Whether the page holding addr is marked as holding translated code. */
    public boolean isCode(long addr) {
        long pn = addr >>> PAGE_SHIFT;
        Page p = pn < pageLimit ? pages.get(pn) : null;
        return p != null && p.has(Page.CODE);
    }

    // ---------------------------------------------------------------- hooks

    /**
     * Installs an observer of every typed access (null removes it). While one is installed
     * the TLBs stay empty, so every access takes the slow path that reports it.
     */
    public void setAccessObserver(AccessObserver o) {
        synchronized (lock) {
            observer = o;
            flushAll();
        }
    }

    /** Installs the handler consulted on UNMAPPED/PROTECTION faults of typed accesses and fetches. */
    public void setFaultHandler(FaultHandler h) {
        faultHandler = h;
    }
}
