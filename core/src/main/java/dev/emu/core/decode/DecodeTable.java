package dev.emu.core.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An ordered table of encodings for a fixed-width ISA: a lookup returns the first entry
 * whose pattern matches, so a specific encoding listed before a general one takes
 * precedence (the manuals' "alias" and "unallocated when" rules).
 *
 * <p>Lookup is bucketed on the top {@code bucketBits} bits of the word: each entry is filed
 * under every bucket its fixed bits allow, in table order, so a lookup scans only the
 * entries that can match on those bits. A bucket is filed when a lookup first needs it.
 *
 * <p>Build-time checks: names are unique and no entry is unreachable because an earlier one
 * covers every word it matches. {@link #overlaps()} lists the pairs that share words, for
 * tests that pin down which overlaps are intended.
 */
public final class DecodeTable<H> {
    /** One row: its name (the manual-style mnemonic), pattern and handler. */
    public record Entry<H>(String name, BitPattern pattern, H handler, int index) {
        public boolean matches(int word) {
            return pattern.matches(word);
        }

        /** Field {@code letter} of {@code word}, unsigned. */
        public int field(int word, char letter) {
            return pattern.field(word, letter);
        }
    }

    /** Two entries that match a common word; {@code first} wins. */
    public record Overlap(String first, String second) {
        @Override
        public String toString() {
            return first + " > " + second;
        }
    }

    private final List<Entry<H>> entries;
    private final Entry<H>[] rows;
    /** Each row's fixed bits and their values among the top {@code bucketBits} bits, for filing. */
    private final int[] topMasks;
    private final int[] topValues;
    private final int bucketBits;
    /** Filed on first lookup of a bucket (a program touches a small part of them): null until then. */
    private final Bucket<H>[] buckets;

    /**
     * One bucket's entries in table order. The array sits behind a final field, so a thread
     * that sees another's freshly filed bucket also sees its contents (JLS 17.5).
     */
    private record Bucket<H>(Entry<H>[] entries) {}

    @SuppressWarnings("unchecked")
    private DecodeTable(List<Entry<H>> entries, int bucketBits) {
        this.entries = Collections.unmodifiableList(entries);
        this.rows = entries.toArray(new Entry[0]);
        this.bucketBits = bucketBits;
        this.buckets = new Bucket[1 << bucketBits];
        topMasks = new int[rows.length];
        topValues = new int[rows.length];
        if (bucketBits > 0) {
            for (int i = 0; i < rows.length; i++) {
                topMasks[i] = rows[i].pattern.mask() >>> (32 - bucketBits);
                topValues[i] = rows[i].pattern.value() >>> (32 - bucketBits);
            }
        }
    }

    /** The entries whose fixed bits allow top bits {@code b}, in table order. */
    @SuppressWarnings("unchecked")
    private Bucket<H> file(int b) {
        Entry<H>[] in = new Entry[rows.length];
        int n = 0;
        for (int i = 0; i < rows.length; i++) {
            if ((b & topMasks[i]) == topValues[i]) {
                in[n++] = rows[i];
            }
        }
        Bucket<H> bucket = new Bucket<>(Arrays.copyOf(in, n));
        buckets[b] = bucket; // racing threads file equal buckets; either may win
        return bucket;
    }

    /** The first entry matching {@code word}, or null if none does. */
    public Entry<H> lookup(int word) {
        int b = bucketBits == 0 ? 0 : word >>> (32 - bucketBits);
        Bucket<H> bucket = buckets[b];
        if (bucket == null) {
            bucket = file(b);
        }
        for (Entry<H> e : bucket.entries) {
            if (e.pattern.matches(word)) {
                return e;
            }
        }
        return null;
    }

    public List<Entry<H>> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** The entry called {@code name}, or null. */
    public Entry<H> byName(String name) {
        for (Entry<H> e : entries) {
            if (e.name.equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** Every pair of entries that match a common word, earlier entry first. */
    public List<Overlap> overlaps() {
        List<Overlap> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                if (entries.get(i).pattern.overlaps(entries.get(j).pattern)) {
                    out.add(new Overlap(entries.get(i).name, entries.get(j).name));
                }
            }
        }
        return out;
    }

    public static <H> Builder<H> builder() {
        return new Builder<>();
    }

    /** Collects rows in order; {@link #build} checks them. */
    public static final class Builder<H> {
        private final List<Entry<H>> entries = new ArrayList<>();
        private int bucketBits = 8;

        public Builder<H> add(String name, String pattern, H handler) {
            entries.add(new Entry<>(name, BitPattern.of(pattern), handler, entries.size()));
            return this;
        }

        /** How many top bits index the lookup buckets (0..12; default 8). */
        public Builder<H> bucketBits(int bits) {
            if (bits < 0 || bits > 12) {
                throw new IllegalArgumentException("bucket bits " + bits);
            }
            bucketBits = bits;
            return this;
        }

        public DecodeTable<H> build() {
            Set<String> names = new HashSet<>();
            for (Entry<H> e : entries) {
                if (!names.add(e.name)) {
                    throw new IllegalArgumentException("decode table: '" + e.name + "' declared twice");
                }
                if (e.handler == null) {
                    throw new IllegalArgumentException("decode table: '" + e.name + "' has no handler");
                }
            }
            // BitPattern.covers over plain arrays: this runs for every table at start-up
            int n = entries.size();
            int[] masks = new int[n];
            int[] values = new int[n];
            for (int i = 0; i < n; i++) {
                masks[i] = entries.get(i).pattern.mask();
                values[i] = entries.get(i).pattern.value();
            }
            for (int j = 0; j < n; j++) {
                int mj = masks[j];
                int vj = values[j];
                for (int i = 0; i < j; i++) {
                    if ((masks[i] & mj) == masks[i] && (vj & masks[i]) == values[i]) {
                        throw new IllegalArgumentException("decode table: '" + entries.get(j).name
                                + "' is unreachable: '" + entries.get(i).name + "' before it matches all its words");
                    }
                }
            }
            return new DecodeTable<>(new ArrayList<>(entries), bucketBits);
        }
    }
}
