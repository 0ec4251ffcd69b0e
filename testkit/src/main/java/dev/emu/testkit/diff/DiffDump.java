package dev.emu.testkit.diff;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One state dump read through its {@link DumpLayout}. */
public final class DiffDump {
    /** One field whose value differs: expected (the reference) against actual. */
    public record FieldDiff(String field, String expected, String actual) {
        @Override
        public String toString() {
            return String.format("%-12s expected %s%n%-12s actual   %s", field, expected, "", actual);
        }
    }

    private final DumpLayout layout;
    private final byte[] bytes;

    public DiffDump(DumpLayout layout, byte[] bytes) {
        if (bytes.length != layout.length()) {
            throw new IllegalArgumentException("dump of " + bytes.length + " bytes, layout wants " + layout.length());
        }
        this.layout = layout;
        this.bytes = bytes.clone();
    }

    /** The dump at {@code offset} in a stream of dumps. */
    public static DiffDump slice(DumpLayout layout, byte[] stream, int offset) {
        return new DiffDump(layout, Arrays.copyOfRange(stream, offset, offset + layout.length()));
    }

    public DumpLayout layout() {
        return layout;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The raw bytes of a field. */
    public byte[] get(String name) {
        DumpLayout.Field f = layout.field(name);
        return Arrays.copyOfRange(bytes, f.offset(), f.offset() + f.size());
    }

    /** A field of at most 8 bytes as an unsigned integer in the dump's byte order. */
    public long getLong(String name) {
        DumpLayout.Field f = layout.field(name);
        if (f.size() > 8) {
            throw new IllegalArgumentException(name + " has " + f.size() + " bytes; use get()");
        }
        long v = 0;
        for (int i = 0; i < f.size(); i++) {
            int idx = layout.order() == ByteOrder.LITTLE_ENDIAN ? f.offset() + f.size() - 1 - i : f.offset() + i;
            v = v << 8 | (bytes[idx] & 0xFF);
        }
        return v;
    }

    public String format(String name) {
        DumpLayout.Field f = layout.field(name);
        return f.format().format(bytes, f.offset(), f.size(), layout.order());
    }

    /** Fields that differ between this (expected) dump and {@code actual}, in layout order. */
    public List<FieldDiff> compare(DiffDump actual) {
        if (actual.layout != layout && actual.layout.length() != layout.length()) {
            throw new IllegalArgumentException("dumps of different layouts");
        }
        List<FieldDiff> out = new ArrayList<>();
        for (DumpLayout.Field f : layout.fields()) {
            if (!Arrays.equals(bytes, f.offset(), f.offset() + f.size(),
                    actual.bytes, f.offset(), f.offset() + f.size())) {
                out.add(new FieldDiff(f.name(),
                        f.format().format(bytes, f.offset(), f.size(), layout.order()),
                        f.format().format(actual.bytes, f.offset(), f.size(), layout.order())));
            }
        }
        return out;
    }

    /** Every field, one per line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (DumpLayout.Field f : layout.fields()) {
            sb.append(String.format("%-12s %s%n", f.name(), f.format().format(bytes, f.offset(), f.size(), layout.order())));
        }
        return sb.toString();
    }
}
