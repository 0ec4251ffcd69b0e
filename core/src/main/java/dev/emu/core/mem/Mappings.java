package dev.emu.core.mem;

import static dev.emu.core.mem.AddressSpace.PAGE_MASK;
import static dev.emu.core.mem.AddressSpace.PAGE_SIZE;

import java.util.ArrayList;
import java.util.List;

/**
 * The Linux mapping calls of one address space: the VMA list, placement, mmap, munmap,
 * mprotect, mremap and brk, and /proc/self/maps. Every method takes the address space's lock;
 * the page table follows the VMAs through the address space's page operations.
 *
 * <p>Results follow the syscalls: an address, 0 or a break on success, a negated errno from
 * {@link Errno} on failure.
 */
final class Mappings {
    /** Width of /proc/self/maps' fixed columns on a 64-bit kernel (25 + 6 * sizeof(void *) - 1). */
    private static final int MAPS_NAME_PAD = 72;

    private final Paging pages;
    private final Object lock;
    private final long limit;

    // Guarded by lock.
    final VmaSet vmas;
    private long mmapBase;
    private long mmapMin = AddressSpace.DEFAULT_MMAP_MIN;
    private long brkStart;
    private long brk;

    Mappings(Paging space, Object lock, long limit, long mmapBase, VmaSet vmas) {
        this.pages = space;
        this.lock = lock;
        this.limit = limit;
        this.mmapBase = mmapBase;
        this.vmas = vmas;
    }

    /** A copy for a forked child; the caller holds this side's lock. */
    Mappings copyFor(Paging child, Object childLock) {
        Mappings c = new Mappings(child, childLock, limit, mmapBase, vmas.copy());
        c.mmapMin = mmapMin;
        c.brkStart = brkStart;
        c.brk = brk;
        return c;
    }

    long mmapBase() {
        synchronized (lock) {
            return mmapBase;
        }
    }

    void setMmapBase(long base) {
        synchronized (lock) {
            mmapBase = base & ~PAGE_MASK;
        }
    }

    void setMmapMin(long min) {
        synchronized (lock) {
            mmapMin = pageAlign(min);
        }
    }

    long mmap(long hint, long len, int prot, int flags, Backing backing, long offset) {
        if (len == 0 || (offset & PAGE_MASK) != 0) {
            return -Errno.EINVAL;
        }
        long alen = pageAlign(len);
        if (alen == 0 || Long.compareUnsigned(alen, limit) > 0) {
            return -Errno.ENOMEM;
        }
        int type = flags & MapFlags.SHARED_VALIDATE;
        if (type == 0) {
            return -Errno.EINVAL;
        }
        int vmaFlags = (type == MapFlags.PRIVATE ? MapFlags.PRIVATE : MapFlags.SHARED) | (flags & MapFlags.GROWSDOWN);
        if (backing == null) {
            vmaFlags |= MapFlags.ANONYMOUS;
            offset = 0;
            if (type != MapFlags.PRIVATE) {
                // Like Linux's shmem object: what lets a forked child share untouched pages.
                backing = Backing.sharedAnonymous(alen);
            }
        }
        boolean noReplace = (flags & MapFlags.FIXED_NOREPLACE) != 0;
        boolean fixed = noReplace || (flags & MapFlags.FIXED) != 0;
        List<Long> code = new ArrayList<>();
        long start;
        synchronized (lock) {
            if (fixed) {
                if ((hint & PAGE_MASK) != 0) {
                    return -Errno.EINVAL;
                }
                if (Long.compareUnsigned(hint, limit - alen) > 0) {
                    return -Errno.ENOMEM;
                }
                if (noReplace && !vmas.isFree(hint, hint + alen)) {
                    return -Errno.EEXIST;
                }
                start = hint;
            } else {
                start = place(hint, alen);
                if (start < 0) {
                    return -Errno.ENOMEM;
                }
            }
            unmapLocked(start, start + alen, code);
            vmas.insert(new Vma(start, start + alen, prot & Prot.RWX, vmaFlags, backing, offset,
                    backing == null ? null : backing.path()));
        }
        pages.invalidate(code);
        return start;
    }

    /** A free hint as given (page-rounded), else top-down below mmapBase, else anywhere; -1 if full. */
    private long place(long hint, long len) {
        if (hint != 0) {
            long a = pageAlign(hint);
            if (a >= mmapMin && Long.compareUnsigned(a, limit - len) <= 0 && vmas.isFree(a, a + len)) {
                return a;
            }
        }
        long a = vmas.findTopDown(len, mmapMin, Math.min(mmapBase, limit));
        return a >= 0 ? a : vmas.findTopDown(len, mmapMin, limit);
    }

    long munmap(long addr, long len) {
        if ((addr & PAGE_MASK) != 0 || len == 0) {
            return -Errno.EINVAL;
        }
        long alen = pageAlign(len);
        if (alen == 0 || Long.compareUnsigned(addr, limit) > 0 || Long.compareUnsigned(alen, limit - addr) > 0) {
            return -Errno.EINVAL;
        }
        List<Long> code = new ArrayList<>();
        synchronized (lock) {
            unmapLocked(addr, addr + alen, code);
        }
        pages.invalidate(code);
        return 0;
    }

    long mprotect(long addr, long len, int prot) {
        if ((addr & PAGE_MASK) != 0) {
            return -Errno.EINVAL;
        }
        if (len == 0) {
            return 0;
        }
        long alen = pageAlign(len);
        if (alen == 0 || Long.compareUnsigned(addr, limit) >= 0 || Long.compareUnsigned(alen, limit - addr) > 0) {
            return -Errno.ENOMEM;
        }
        int newProt = prot & Prot.RWX;
        long end = addr + alen;
        List<Long> code = new ArrayList<>();
        synchronized (lock) {
            if (!vmas.fullyMapped(addr, end)) {
                return -Errno.ENOMEM;
            }
            vmas.rewrite(addr, end, v -> v.withProt(newProt));
            pages.reprotectPagesLocked(addr, end, newProt, code);
        }
        pages.invalidate(code);
        return 0;
    }

    /**
     * mremap(2) with MREMAP_MAYMOVE and MREMAP_FIXED (MREMAP_DONTUNMAP and old_size 0 are not
     * supported: -EINVAL). The old range must lie in one VMA (else -EFAULT).
     */
    long mremap(long oldAddr, long oldSize, long newSize, int flags, long newAddr) {
        if ((oldAddr & PAGE_MASK) != 0 || (flags & ~(MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED)) != 0) {
            return -Errno.EINVAL;
        }
        boolean mayMove = (flags & MapFlags.MREMAP_MAYMOVE) != 0;
        boolean fixed = (flags & MapFlags.MREMAP_FIXED) != 0;
        if (fixed && !mayMove) {
            return -Errno.EINVAL;
        }
        long oldLen = pageAlign(oldSize);
        long newLen = pageAlign(newSize);
        if (oldLen == 0 || newLen == 0 || Long.compareUnsigned(newLen, limit) > 0 || Long.compareUnsigned(oldLen, limit) > 0) {
            return -Errno.EINVAL;
        }
        List<Long> code = new ArrayList<>();
        long result;
        synchronized (lock) {
            result = mremapLocked(oldAddr, oldLen, newLen, mayMove, fixed, newAddr, code);
        }
        pages.invalidate(code);
        return result;
    }

    private long mremapLocked(long oldAddr, long oldLen, long newLen, boolean mayMove, boolean fixed, long newAddr,
            List<Long> code) {
        Vma vma = vmas.find(oldAddr);
        if (vma == null || Long.compareUnsigned(oldLen, vma.end() - oldAddr) > 0) {
            return -Errno.EFAULT;
        }
        if (fixed) {
            if ((newAddr & PAGE_MASK) != 0 || Long.compareUnsigned(newAddr, limit - newLen) > 0) {
                return -Errno.EINVAL;
            }
            if (newAddr < oldAddr + oldLen && oldAddr < newAddr + newLen) {
                return -Errno.EINVAL;
            }
            unmapLocked(newAddr, newAddr + newLen, code);
            if (oldLen > newLen) {
                unmapLocked(oldAddr + newLen, oldAddr + oldLen, code);
                oldLen = newLen;
            }
            return moveLocked(vma, oldAddr, oldLen, newAddr, newLen, code);
        }
        if (newLen <= oldLen) {
            unmapLocked(oldAddr + newLen, oldAddr + oldLen, code);
            return oldAddr;
        }
        long oldEnd = oldAddr + oldLen;
        if (oldEnd == vma.end() && Long.compareUnsigned(oldAddr, limit - newLen) <= 0
                && vmas.isFree(oldEnd, oldAddr + newLen)) {
            vmas.insert(vma.slice(oldEnd, oldEnd).withEnd(oldAddr + newLen));
            return oldAddr;
        }
        if (!mayMove) {
            return -Errno.ENOMEM;
        }
        long to = place(0, newLen);
        if (to < 0) {
            return -Errno.ENOMEM;
        }
        return moveLocked(vma, oldAddr, oldLen, to, newLen, code);
    }

    /** Moves [oldAddr, +oldLen) of vma, data and all, to a free [newAddr, +newLen). */
    private long moveLocked(Vma vma, long oldAddr, long oldLen, long newAddr, long newLen, List<Long> code) {
        Vma moved = vma.slice(oldAddr, oldAddr + oldLen).movedTo(newAddr, newAddr + newLen);
        vmas.remove(oldAddr, oldAddr + oldLen);
        vmas.insert(moved);
        pages.movePagesLocked(oldAddr, oldAddr + oldLen, newAddr, code);
        return newAddr;
    }

    private void unmapLocked(long start, long end, List<Long> code) {
        vmas.remove(start, end);
        pages.dropPagesLocked(start, end, code);
    }

    // ---------------------------------------------------------------- brk

    /** Sets the program break after the ELF is loaded (end of bss, or a randomised start). */
    void setBrk(long start) {
        synchronized (lock) {
            brkStart = start;
            brk = start;
        }
    }

    /**
     * brk(2) as the kernel sees it: moves the break, mapping or unmapping whole pages of a
     * "[heap]" VMA, and returns the new break; on failure (below the start, or into another
     * mapping) it returns the old one.
     */
    long brk(long newBrk) {
        List<Long> code = new ArrayList<>();
        long result;
        synchronized (lock) {
            result = brkLocked(newBrk, code);
        }
        pages.invalidate(code);
        return result;
    }

    private long brkLocked(long newBrk, List<Long> code) {
        if (Long.compareUnsigned(newBrk, brkStart) < 0 || Long.compareUnsigned(newBrk, limit) > 0) {
            return brk;
        }
        long newTop = pageAlign(newBrk);
        long oldTop = pageAlign(brk);
        if (newTop == oldTop) {
            brk = newBrk;
            return brk;
        }
        if (newTop < oldTop) {
            unmapLocked(newTop, oldTop, code);
            brk = newBrk;
            return brk;
        }
        // Linux keeps a guard page between the heap and the next mapping.
        long guardEnd = Math.min(limit, newTop + PAGE_SIZE);
        if (newTop > limit || !vmas.isFree(oldTop, guardEnd)) {
            return brk;
        }
        vmas.insert(new Vma(oldTop, newTop, Prot.RW, MapFlags.PRIVATE | MapFlags.ANONYMOUS, null, 0, "[heap]"));
        brk = newBrk;
        return brk;
    }

    long currentBrk() {
        synchronized (lock) {
            return brk;
        }
    }

    // ---------------------------------------------------------------- names and /proc/self/maps

    /** Names [start, start + len), e.g. "[stack]"; null clears. -ENOMEM if not all mapped. */
    long setName(long start, long len, String name) {
        if ((start & PAGE_MASK) != 0) {
            return -Errno.EINVAL;
        }
        long end = start + pageAlign(len);
        synchronized (lock) {
            if (!vmas.fullyMapped(start, end)) {
                return -Errno.ENOMEM;
            }
            vmas.rewrite(start, end, v -> v.withName(name));
            return 0;
        }
    }

    /** The text of /proc/self/maps, in the format of Linux's show_map_vma on a 64-bit kernel. */
    String procMaps() {
        List<Vma> all;
        synchronized (lock) {
            all = vmas.all();
        }
        StringBuilder sb = new StringBuilder(all.size() * 80);
        for (Vma v : all) {
            int lineStart = sb.length();
            Backing b = v.backing();
            boolean file = b != null;
            sb.append(String.format("%08x-%08x %c%c%c%c %08x %02x:%02x %d ", v.start(), v.end(),
                    (v.prot() & Prot.READ) != 0 ? 'r' : '-', (v.prot() & Prot.WRITE) != 0 ? 'w' : '-',
                    (v.prot() & Prot.EXEC) != 0 ? 'x' : '-', v.shared() ? 's' : 'p', file ? v.offset() : 0,
                    file ? b.deviceMajor() : 0, file ? b.deviceMinor() : 0, file ? b.inode() : 0));
            if (v.name() != null) {
                // seq_pad: spaces up to the fixed width, then one more before the name.
                while (sb.length() - lineStart < MAPS_NAME_PAD) {
                    sb.append(' ');
                }
                sb.append(' ').append(v.name());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static long pageAlign(long len) {
        return (len + PAGE_MASK) & ~PAGE_MASK;
    }
}
