package dev.emu.core.mem;

/**
 * A virtual memory area: a page-aligned range [start, end) with one protection, one set of
 * mapping flags and one backing, as Linux keeps them and /proc/self/maps prints them.
 * Immutable; splitting and mprotect make new ones.
 */
public final class Vma {
    private final long start;
    private final long end;
    private final int prot;
    private final int flags;
    private final Backing backing;
    private final long offset;
    private final String name;

    Vma(long start, long end, int prot, int flags, Backing backing, long offset, String name) {
        this.start = start;
        this.end = end;
        this.prot = prot;
        this.flags = flags;
        this.backing = backing;
        this.offset = offset;
        this.name = name;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public int prot() {
        return prot;
    }

    /** {@link MapFlags} bits as given to mmap. */
    public int flags() {
        return flags;
    }

    public boolean shared() {
        return (flags & MapFlags.SHARED) != 0;
    }

    /** Null for anonymous private memory. */
    public Backing backing() {
        return backing;
    }

    /** The file offset of {@link #start()}. */
    public long offset() {
        return offset;
    }

    /** What /proc/self/maps prints in the last column; null for nothing. */
    public String name() {
        return name;
    }

    /** Anonymous to the guest, whatever backs it internally (a shared anonymous object). */
    boolean anonymous() {
        return backing == null || (flags & MapFlags.ANONYMOUS) != 0;
    }

    Vma slice(long newStart, long newEnd) {
        return new Vma(newStart, newEnd, prot, flags, backing, offset + (newStart - start), name);
    }

    Vma withProt(int newProt) {
        return new Vma(start, end, newProt, flags, backing, offset, name);
    }

    Vma withName(String newName) {
        return new Vma(start, end, prot, flags, backing, offset, newName);
    }

    Vma withEnd(long newEnd) {
        return new Vma(start, newEnd, prot, flags, backing, offset, name);
    }

    Vma movedTo(long newStart, long newEnd) {
        return new Vma(newStart, newEnd, prot, flags, backing, offset, name);
    }

    /** Whether next, which starts at our end, can join us without the guest seeing a difference. */
    boolean mergesWith(Vma next) {
        return next.start == end && next.prot == prot && next.flags == flags && next.backing == backing
                && java.util.Objects.equals(next.name, name)
                && (backing == null || next.offset == offset + (end - start));
    }

    @Override
    public String toString() {
        return String.format("%x-%x %s %s", start, end, Prot.toString(prot), name == null ? "" : name);
    }
}
