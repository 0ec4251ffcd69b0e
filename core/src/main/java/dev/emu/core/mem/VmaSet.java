package dev.emu.core.mem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The VMAs of one address space, ordered by start; guarded by the address space's lock. */
final class VmaSet {
    private final TreeMap<Long, Vma> byStart = new TreeMap<>();

    VmaSet copy() {
        VmaSet c = new VmaSet();
        c.byStart.putAll(byStart);
        return c;
    }

    Vma find(long addr) {
        Map.Entry<Long, Vma> e = byStart.floorEntry(addr);
        return e != null && e.getValue().end() > addr ? e.getValue() : null;
    }

    List<Vma> all() {
        return new ArrayList<>(byStart.values());
    }

    /** The VMAs that overlap [start, end), clipped to it. */
    List<Vma> overlapping(long start, long end) {
        List<Vma> out = new ArrayList<>();
        Map.Entry<Long, Vma> first = byStart.floorEntry(start);
        long from = first != null && first.getValue().end() > start ? first.getKey() : start;
        for (Vma v : byStart.subMap(from, true, end, false).values()) {
            out.add(v.slice(Math.max(v.start(), start), Math.min(v.end(), end)));
        }
        return out;
    }

    boolean isFree(long start, long end) {
        Map.Entry<Long, Vma> below = byStart.lowerEntry(end);
        return below == null || below.getValue().end() <= start;
    }

    boolean fullyMapped(long start, long end) {
        long at = start;
        for (Vma v : overlapping(start, end)) {
            if (v.start() != at) {
                return false;
            }
            at = v.end();
        }
        return at == end;
    }

    /** Removes [start, end) from every VMA, splitting those that straddle its edges. */
    void remove(long start, long end) {
        for (Vma v : overlapping(start, end)) {
            Vma whole = find(v.start());
            byStart.remove(whole.start());
            if (whole.start() < start) {
                byStart.put(whole.start(), whole.slice(whole.start(), start));
            }
            if (whole.end() > end) {
                byStart.put(end, whole.slice(end, whole.end()));
            }
        }
    }

    /** Adds v over a free range, joining it with neighbours the guest could not tell apart. */
    void insert(Vma v) {
        Map.Entry<Long, Vma> prev = byStart.lowerEntry(v.start());
        if (prev != null && prev.getValue().mergesWith(v)) {
            byStart.remove(prev.getKey());
            Vma p = prev.getValue();
            v = new Vma(p.start(), v.end(), p.prot(), p.flags(), p.backing(), p.offset(), p.name());
        }
        Vma next = byStart.get(v.end());
        if (next != null && v.mergesWith(next)) {
            byStart.remove(next.start());
            v = new Vma(v.start(), next.end(), v.prot(), v.flags(), v.backing(), v.offset(), v.name());
        }
        byStart.put(v.start(), v);
    }

    /** Replaces [start, end) (which must be mapped) with what f makes of each piece. */
    void rewrite(long start, long end, java.util.function.UnaryOperator<Vma> f) {
        List<Vma> pieces = overlapping(start, end);
        remove(start, end);
        for (Vma piece : pieces) {
            insert(f.apply(piece));
        }
        // Joining across the edges of [start, end) too: reinsert the outer neighbours.
        for (long edge : new long[] {start, end}) {
            Vma v = find(edge);
            if (v != null && v.start() == edge) {
                byStart.remove(edge);
                insert(v);
            }
        }
    }

    /**
     * The highest address a such that [a, a + len) is free, a >= low and a + len <= high;
     * -1 if there is none.
     */
    long findTopDown(long len, long low, long high) {
        long top = high;
        for (Vma v : byStart.headMap(high, false).descendingMap().values()) {
            if (v.end() < top && top - v.end() >= len && top - len >= low) {
                return top - len;
            }
            top = Math.min(top, v.start());
            if (top < low + len) {
                return -1;
            }
        }
        return top - low >= len ? top - len : -1;
    }
}
