package dev.emu.core.mem;

import java.lang.invoke.VarHandle;
import java.util.List;

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
 * TLB slots are read with plain loads, which C2 may hoist out of a loop with no other memory
 * synchronisation in it: generated loops therefore need a volatile read per iteration (the
 * engine's interrupt poll at each back edge is one) to see another thread's mprotect.
 *
 * <p>Cost: a hit is about four times a raw VarHandle access to one byte[] in a tight loop
 * (1.7 vs 0.42 ns per 32-bit load on the development machine); a flat per-page table, the
 * cheapest lookup there is, measured 1.35 ns, so the remaining gap is the lookup itself and
 * is closed by checking a page once for several accesses ({@link #tlbReadPage}), not here:
 * the JIT does that for accesses from one base register ({@code jit.PageGroups}).
 *
 * <p>The slow paths and the page table live in {@link Paging}, the VMAs and the Linux
 * mapping calls in {@link Mappings}; this class is the API and the fast paths.
 */
public final class AddressSpace {
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    public static final long PAGE_MASK = PAGE_SIZE - 1;

    /** Linux's default vm.mmap_min_addr: no placement below 64 KiB. */
    public static final long DEFAULT_MMAP_MIN = 0x10000L;
    public static final long DEFAULT_MMAP_BASE_64 = 0x7f00_0000_0000L;
    public static final long DEFAULT_MMAP_BASE_32 = 0xf700_0000L;

    /** A TLB slot's index is {@code (int) (address >>> PAGE_SHIFT) & TLB_MASK}. */
    public static final int TLB_MASK = Paging.TLB_MASK;
    private static final int OFFSET_MASK = PAGE_SIZE - 1;


    private final int addressBits;
    private final long limit;
    // The fast paths read these directly; Paging fills and flushes them.
    /**
     * The read TLB, for generated code that inlines the fast path of a load (the JIT's
     * methods are too large for HotSpot to inline {@link #ld32le} and its kind into them):
     * slot {@code (int) (addr >>> PAGE_SHIFT) & TLB_MASK} holds the page whose data serves
     * an access of n bytes at addr when its {@link TlbEntry#page} equals
     * {@code (addr + n - 1) >>> PAGE_SHIFT} (the page of the LAST byte, so an access that
     * crosses a page never hits); anything else calls the typed method, which takes the slow
     * path. Read a slot once per access into a local (slots are replaced whole, concurrently).
     * Nothing outside this package may write it.
     */
    public final TlbEntry[] readTlb = new TlbEntry[Paging.TLB_SIZE];
    /**
     * The write TLB, read as {@link #readTlb}: a hit is a page the guest may write right now
     * with no copy-on-write break, translated code or hook on it, so a store needs no other
     * check. Nothing outside this package may write it.
     */
    public final TlbEntry[] writeTlb = new TlbEntry[Paging.TLB_SIZE];
    private final TlbEntry[] execTlb = new TlbEntry[Paging.TLB_SIZE];
    private final Object lock = new Object();
    private final Paging paging;
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
        this.paging = new Paging(limit >>> PAGE_SHIFT, readTlb, writeTlb, execTlb, lock);
        this.mappings = new Mappings(paging, lock, limit,
                addressBits == 32 ? DEFAULT_MMAP_BASE_32 : DEFAULT_MMAP_BASE_64, new VmaSet());
        paging.mappings = mappings;
    }

    public int addressBits() {
        return addressBits;
    }

    /** The first address that is never mapped: 2^32 or 2^48. */
    public long limit() {
        return limit;
    }

    // ---------------------------------------------------------------- typed access (hot)
    // A hit is one slot load and one compare: the tag is compared with the page of the
    // access's LAST byte while the slot is chosen by its first, so an access that crosses a
    // page never hits (the slot of page n never holds page n + 1) and needs no second test;
    // the empty slot's null data makes a miss look like any other. Each method stays under
    // 35 bytes of bytecode so that C1 and C2 inline it even at call sites that are not hot.

    /** The read-TLB page holding [addr, addr + extra], or null. */
    private byte[] readPage(long addr, int extra) {
        return readTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK].dataIf(addr + extra);
    }

    /** The write-TLB page holding [addr, addr + extra], or null. */
    private byte[] writePage(long addr, int extra) {
        return writeTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK].dataIf(addr + extra);
    }

    /**
     * For generated code that checks the TLB once for several accesses to one page: the page
     * array holding [addr, addr + size) if the read TLB has it, else null (then use the typed
     * methods, which fill the TLB). Index it with {@code (int) addr & 0xFFF}. Valid until the
     * next mapping change, so use it within one block and never across an exit or a helper.
     */
    public byte[] tlbReadPage(long addr, int size) {
        return readPage(addr, size - 1);
    }

    /**
     * Like {@link #tlbReadPage} for stores: non-null only for a page the guest may write now
     * with no copy-on-write break or translated code on it, so a store into it needs no check.
     * Such a page may lack PROT_READ: a read-modify-write reads through {@link #tlbReadPage}.
     */
    public byte[] tlbWritePage(long addr, int size) {
        return writePage(addr, size - 1);
    }

    /** Zero-extended byte. */
    public int ld8(long addr) {
        byte[] d = readPage(addr, 0);
        if (d != null) {
            return PageAccess.ld8(d, (int) addr & OFFSET_MASK);
        }
        return (int) loadSlow(addr, 1, false);
    }

    /** Zero-extended halfword. */
    public int ld16le(long addr) {
        byte[] d = readPage(addr, 1);
        if (d != null) {
            return PageAccess.ld16le(d, (int) addr & OFFSET_MASK);
        }
        return (int) loadSlow(addr, 2, false);
    }

    public int ld16be(long addr) {
        byte[] d = readPage(addr, 1);
        if (d != null) {
            return PageAccess.ld16be(d, (int) addr & OFFSET_MASK);
        }
        return (int) loadSlow(addr, 2, true);
    }

    public int ld32le(long addr) {
        byte[] d = readPage(addr, 3);
        if (d != null) {
            return PageAccess.ld32le(d, (int) addr & OFFSET_MASK);
        }
        return (int) loadSlow(addr, 4, false);
    }

    public int ld32be(long addr) {
        byte[] d = readPage(addr, 3);
        if (d != null) {
            return PageAccess.ld32be(d, (int) addr & OFFSET_MASK);
        }
        return (int) loadSlow(addr, 4, true);
    }

    public long ld64le(long addr) {
        byte[] d = readPage(addr, 7);
        if (d != null) {
            return PageAccess.ld64le(d, (int) addr & OFFSET_MASK);
        }
        return loadSlow(addr, 8, false);
    }

    public long ld64be(long addr) {
        byte[] d = readPage(addr, 7);
        if (d != null) {
            return PageAccess.ld64be(d, (int) addr & OFFSET_MASK);
        }
        return loadSlow(addr, 8, true);
    }

    public void st8(long addr, int v) {
        byte[] d = writePage(addr, 0);
        if (d == null) {
            storeSlow(addr, 1, false, v);
            return;
        }
        put8(d, addr, v);
    }

    public void st16le(long addr, int v) {
        byte[] d = writePage(addr, 1);
        if (d == null) {
            storeSlow(addr, 2, false, v);
            return;
        }
        put16le(d, addr, v);
    }

    public void st16be(long addr, int v) {
        byte[] d = writePage(addr, 1);
        if (d == null) {
            storeSlow(addr, 2, true, v);
            return;
        }
        put16be(d, addr, v);
    }

    public void st32le(long addr, int v) {
        byte[] d = writePage(addr, 3);
        if (d == null) {
            storeSlow(addr, 4, false, v);
            return;
        }
        put32le(d, addr, v);
    }

    public void st32be(long addr, int v) {
        byte[] d = writePage(addr, 3);
        if (d == null) {
            storeSlow(addr, 4, true, v);
            return;
        }
        put32be(d, addr, v);
    }

    public void st64le(long addr, long v) {
        byte[] d = writePage(addr, 7);
        if (d == null) {
            storeSlow(addr, 8, false, v);
            return;
        }
        put64le(d, addr, v);
    }

    public void st64be(long addr, long v) {
        byte[] d = writePage(addr, 7);
        if (d == null) {
            storeSlow(addr, 8, true, v);
            return;
        }
        put64be(d, addr, v);
    }

    // The stores' page accesses live in helpers to keep the callers under 35 bytes.
    private static void put8(byte[] d, long addr, int v) {
        PageAccess.st8(d, (int) addr & OFFSET_MASK, v);
    }

    private static void put16le(byte[] d, long addr, int v) {
        PageAccess.st16le(d, (int) addr & OFFSET_MASK, v);
    }

    private static void put16be(byte[] d, long addr, int v) {
        PageAccess.st16be(d, (int) addr & OFFSET_MASK, v);
    }

    private static void put32le(byte[] d, long addr, int v) {
        PageAccess.st32le(d, (int) addr & OFFSET_MASK, v);
    }

    private static void put32be(byte[] d, long addr, int v) {
        PageAccess.st32be(d, (int) addr & OFFSET_MASK, v);
    }

    private static void put64le(byte[] d, long addr, long v) {
        PageAccess.st64le(d, (int) addr & OFFSET_MASK, v);
    }

    private static void put64be(byte[] d, long addr, long v) {
        PageAccess.st64be(d, (int) addr & OFFSET_MASK, v);
    }

    // An aligned access never crosses a page, and a misaligned CAS must fault: CAS tests the
    // tag of its first byte and the alignment, and the swap itself is a helper, to stay small.

    /** Atomic compare-and-swap; returns the old value. Misaligned: GuestFault ALIGNMENT. */
    public int cas32le(long addr, int expected, int value) {
        byte[] d = writePage(addr, 0);
        if (d == null || (addr & 3) != 0) {
            return (int) casSlow(addr, 4, false, expected, value);
        }
        return cas32le(d, addr, expected, value);
    }

    private static int cas32le(byte[] d, long addr, int expected, int value) {
        return AtomicBytes.cas32(d, (int) addr & OFFSET_MASK, expected, value, false);
    }

    public int cas32be(long addr, int expected, int value) {
        byte[] d = writePage(addr, 0);
        if (d == null || (addr & 3) != 0) {
            return (int) casSlow(addr, 4, true, expected, value);
        }
        return cas32be(d, addr, expected, value);
    }

    private static int cas32be(byte[] d, long addr, int expected, int value) {
        return AtomicBytes.cas32(d, (int) addr & OFFSET_MASK, expected, value, true);
    }

    public long cas64le(long addr, long expected, long value) {
        byte[] d = writePage(addr, 0);
        if (d == null || (addr & 7) != 0) {
            return casSlow(addr, 8, false, expected, value);
        }
        return cas64le(d, addr, expected, value);
    }

    private static long cas64le(byte[] d, long addr, long expected, long value) {
        return AtomicBytes.cas64(d, (int) addr & OFFSET_MASK, expected, value, false);
    }

    public long cas64be(long addr, long expected, long value) {
        byte[] d = writePage(addr, 0);
        if (d == null || (addr & 7) != 0) {
            return casSlow(addr, 8, true, expected, value);
        }
        return cas64be(d, addr, expected, value);
    }

    private static long cas64be(byte[] d, long addr, long expected, long value) {
        return AtomicBytes.cas64(d, (int) addr & OFFSET_MASK, expected, value, true);
    }

    /** Full fence. */
    public static void fence() {
        VarHandle.fullFence();
    }

    // ---------------------------------------------------------------- instruction fetch
    // Its own TLB, so that translating a block costs a few ns per instruction fetched.

    private byte[] execPage(long addr, int extra) {
        return execTlb[(int) (addr >>> PAGE_SHIFT) & TLB_MASK].dataIf(addr + extra);
    }

    public int fetch8(long addr) {
        byte[] d = execPage(addr, 0);
        if (d != null) {
            return PageAccess.ld8(d, (int) addr & OFFSET_MASK);
        }
        return (int) paging.fetchSlow(addr, 1, false);
    }

    public int fetch16le(long addr) {
        byte[] d = execPage(addr, 1);
        if (d != null) {
            return PageAccess.ld16le(d, (int) addr & OFFSET_MASK);
        }
        return (int) paging.fetchSlow(addr, 2, false);
    }

    public int fetch16be(long addr) {
        byte[] d = execPage(addr, 1);
        if (d != null) {
            return PageAccess.ld16be(d, (int) addr & OFFSET_MASK);
        }
        return (int) paging.fetchSlow(addr, 2, true);
    }

    public int fetch32le(long addr) {
        byte[] d = execPage(addr, 3);
        if (d != null) {
            return PageAccess.ld32le(d, (int) addr & OFFSET_MASK);
        }
        return (int) paging.fetchSlow(addr, 4, false);
    }

    public int fetch32be(long addr) {
        byte[] d = execPage(addr, 3);
        if (d != null) {
            return PageAccess.ld32be(d, (int) addr & OFFSET_MASK);
        }
        return (int) paging.fetchSlow(addr, 4, true);
    }

    // The slow paths live in Paging; these keep the fast paths' calls short.

    private long loadSlow(long addr, int size, boolean bigEndian) {
        return paging.loadSlow(addr, size, bigEndian);
    }

    private void storeSlow(long addr, int size, boolean bigEndian, long v) {
        paging.storeSlow(addr, size, bigEndian, v);
    }

    private long casSlow(long addr, int size, boolean bigEndian, long expected, long value) {
        return paging.casSlow(addr, size, bigEndian, expected, value);
    }

    // ---------------------------------------------------------------- bulk access

    /** Copies guest memory out, checking READ; faults at the first byte that cannot be read. */
    public void read(long addr, byte[] dst, int off, int len) {
        paging.copy(addr, dst, off, len, false, false);
    }

    /** Copies into guest memory, checking WRITE; faults at the first byte that cannot be written. */
    public void write(long addr, byte[] src, int off, int len) {
        paging.copy(addr, src, off, len, true, false);
    }

    /** Like {@link #read} but ignoring permissions (debuggers, the OS layer). Unmapped still faults. */
    public void peek(long addr, byte[] dst, int off, int len) {
        paging.copy(addr, dst, off, len, false, true);
    }

    /** Like {@link #write} but ignoring permissions (ELF loading into read-only pages, breakpoints). */
    public void poke(long addr, byte[] src, int off, int len) {
        paging.copy(addr, src, off, len, true, true);
    }

    /**
     * The NUL-terminated string at addr, without its NUL, of at most max bytes (a string that
     * runs longer is cut at max). Faults at the first unreadable byte before the end.
     */
    public byte[] readCString(long addr, int max) {
        return paging.readCString(addr, max);
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
            child.mappings = mappings.copyFor(child.paging, child.lock);
            child.paging.mappings = child.mappings;
            paging.forkInto(child.paging);
        }
        return child;
    }

    // ---------------------------------------------------------------- translated code

    /** Who to tell when a page holding translated code changes; null for nobody. */
    public void setCodeInvalidator(CodeInvalidator invalidator) {
        paging.codeInvalidator = invalidator;
    }

    /**
     * Marks the pages of [start, end) as holding translated code: stores to them leave the fast
     * path and call the {@link CodeInvalidator} once before the first store, which clears the
     * mark. Pages not mapped are skipped.
     */
    public void markCode(long start, long end) {
        paging.markCode(start, end);
    }

    /** Whether the page holding addr is marked as holding translated code. */
    public boolean isCode(long addr) {
        return paging.isCode(addr);
    }

    // ---------------------------------------------------------------- hooks

    /**
     * Installs an observer of every typed access (null removes it). While one is installed
     * the TLBs stay empty, so every access takes the slow path that reports it.
     */
    public void setAccessObserver(AccessObserver o) {
        paging.setAccessObserver(o);
    }

    /** Installs the handler consulted on UNMAPPED/PROTECTION faults of typed accesses and fetches. */
    public void setFaultHandler(FaultHandler h) {
        paging.faultHandler = h;
    }
}
