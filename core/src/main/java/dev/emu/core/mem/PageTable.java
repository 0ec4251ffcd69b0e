package dev.emu.core.mem;

/**
 * Page number to {@link Page}: a three-level radix tree of 4096-wide arrays over the 36-bit
 * page numbers of a 48-bit space. A 32-bit space uses a single root slot, so both kinds of
 * guest pay for the leaves they touch (16 KiB of references per 16 MiB of address space)
 * and nothing more.
 *
 * <p>Written only under the address space's lock; read without it. Arrays are published
 * after their allocation and the entries are immutable, so a racing reader sees either the
 * old or the new entry.
 */
final class PageTable {
    private static final int BITS = 12;
    private static final int WIDTH = 1 << BITS;
    private static final int MASK = WIDTH - 1;

    /** Visits present entries. */
    interface Visitor {
        void visit(long pageNumber, Page page);
    }

    private final Page[][][] root;

    PageTable(long pageLimit) {
        root = new Page[(int) Math.max(1, pageLimit >>> (2 * BITS))][][];
    }

    Page get(long pn) {
        Page[][] mid = root[(int) (pn >>> (2 * BITS))];
        if (mid == null) {
            return null;
        }
        Page[] leaf = mid[(int) (pn >>> BITS) & MASK];
        return leaf == null ? null : leaf[(int) pn & MASK];
    }

    void set(long pn, Page p) {
        int i = (int) (pn >>> (2 * BITS));
        Page[][] mid = root[i];
        if (mid == null) {
            if (p == null) {
                return;
            }
            mid = new Page[WIDTH][];
            root[i] = mid;
        }
        int j = (int) (pn >>> BITS) & MASK;
        Page[] leaf = mid[j];
        if (leaf == null) {
            if (p == null) {
                return;
            }
            leaf = new Page[WIDTH];
            mid[j] = leaf;
        }
        leaf[(int) pn & MASK] = p;
    }

    /** Calls v for every present page in [from, to), skipping absent subtrees in one step. */
    void forEach(long from, long to, Visitor v) {
        long pn = from;
        while (pn < to) {
            Page[][] mid = root[(int) (pn >>> (2 * BITS))];
            if (mid == null) {
                pn = ((pn >>> (2 * BITS)) + 1) << (2 * BITS);
                continue;
            }
            Page[] leaf = mid[(int) (pn >>> BITS) & MASK];
            if (leaf == null) {
                pn = ((pn >>> BITS) + 1) << BITS;
                continue;
            }
            long leafEnd = Math.min(to, ((pn >>> BITS) + 1) << BITS);
            for (; pn < leafEnd; pn++) {
                Page p = leaf[(int) pn & MASK];
                if (p != null) {
                    v.visit(pn, p);
                }
            }
        }
    }
}
