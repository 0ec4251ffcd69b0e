package dev.emu.core.engine;

import dev.emu.core.mem.AddressSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Translated blocks of one address space, keyed by pc and translation mode, with an index
 * by guest page so a store into code (or an unmap) drops exactly the blocks it touches.
 * Shared by all guest threads of a process.
 */
public final class CodeCache {
    private final ConcurrentHashMap<Long, TranslatedBlock> blocks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Set<TranslatedBlock>> byPage = new ConcurrentHashMap<>();

    static long key(long pc, int mode) {
        // User-space addresses stay below 2^56 on every supported guest, so the mode fits above
        // them; the pc stays in the low bits, where Long.hashCode and the map's spreading keep
        // neighbouring blocks in different bins (pc << 8 put every 256 bytes of code in one bin).
        return pc | ((long) (mode & 0xFF) << 56);
    }

    TranslatedBlock get(long pc, int mode) {
        return blocks.get(key(pc, mode));
    }

    void put(TranslatedBlock tb) {
        for (long page = tb.pc >>> AddressSpace.PAGE_SHIFT; page <= (tb.endPc - 1) >>> AddressSpace.PAGE_SHIFT; page++) {
            byPage.computeIfAbsent(page, p -> ConcurrentHashMap.newKeySet()).add(tb);
        }
        TranslatedBlock old = blocks.put(key(tb.pc, tb.mode), tb);
        if (old != null && old != tb) {
            old.valid = false;
        }
    }

    /**
     * Indexes {@code tb} under the pages of [start, end) too: a region headed by tb is
     * dropped with it when any of its blocks' code changes.
     */
    void addPages(TranslatedBlock tb, long start, long end) {
        for (long page = start >>> AddressSpace.PAGE_SHIFT; page <= (end - 1) >>> AddressSpace.PAGE_SHIFT; page++) {
            byPage.computeIfAbsent(page, p -> ConcurrentHashMap.newKeySet()).add(tb);
        }
    }

    /** Drops every block that covers a byte of [start, end). */
    public void invalidate(long start, long end) {
        if (end <= start) {
            return;
        }
        for (long page = start >>> AddressSpace.PAGE_SHIFT; page <= (end - 1) >>> AddressSpace.PAGE_SHIFT; page++) {
            Set<TranslatedBlock> set = byPage.remove(page);
            if (set == null) {
                continue;
            }
            for (TranslatedBlock tb : set) {
                tb.valid = false;
                blocks.remove(key(tb.pc, tb.mode), tb);
            }
        }
    }

    /** Drops everything (a hook was added, say). */
    public void invalidateAll() {
        for (TranslatedBlock tb : blocks.values()) {
            tb.valid = false;
        }
        blocks.clear();
        byPage.clear();
    }

    public int size() {
        return blocks.size();
    }

    /** How many blocks run compiled code; for statistics and tests. */
    public int compiledCount() {
        int n = 0;
        for (TranslatedBlock tb : blocks.values()) {
            if (!(tb.code instanceof InterpretedCode)) {
                n++;
            }
        }
        return n;
    }

    /** How many blocks head a compiled region; for statistics and tests. */
    public int regionCount() {
        int n = 0;
        for (TranslatedBlock tb : blocks.values()) {
            if (tb.ownCode != null) {
                n++;
            }
        }
        return n;
    }

    List<TranslatedBlock> snapshot() {
        return new ArrayList<>(blocks.values());
    }

    Map<Long, TranslatedBlock> view() {
        return blocks;
    }
}
