package dev.emu.testkit.diff;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named fields of one state dump: what a diff program writes to stdout after running one
 * case (registers, flags, FP status, a memory window), in the guest's byte order.
 */
public final class DumpLayout {
    /** How a field's bytes read in a message. */
    @FunctionalInterface
    public interface Format {
        String format(byte[] dump, int offset, int size, ByteOrder order);

        /** The field as one unsigned integer of {@code size} bytes, in hex: {@code 0x00000000deadbeef}. */
        Format HEX = (d, off, size, order) -> {
            StringBuilder sb = new StringBuilder(2 + 2 * size).append("0x");
            for (int i = 0; i < size; i++) {
                int idx = order == ByteOrder.LITTLE_ENDIAN ? off + size - 1 - i : off + i;
                sb.append(Character.forDigit((d[idx] >> 4) & 15, 16)).append(Character.forDigit(d[idx] & 15, 16));
            }
            return sb.toString();
        };

        /** The field as bytes in memory order: {@code de ad be ef}. */
        Format BYTES = (d, off, size, order) -> {
            StringBuilder sb = new StringBuilder(3 * size);
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    sb.append(i % 8 == 0 ? "  " : " ");
                }
                sb.append(Character.forDigit((d[off + i] >> 4) & 15, 16)).append(Character.forDigit(d[off + i] & 15, 16));
            }
            return sb.toString();
        };
    }

    public record Field(String name, int offset, int size, Format format) {}

    private final List<Field> fields;
    private final Map<String, Field> byName;
    private final int length;
    private final ByteOrder order;

    private DumpLayout(List<Field> fields, int length, ByteOrder order) {
        this.fields = Collections.unmodifiableList(fields);
        this.length = length;
        this.order = order;
        Map<String, Field> m = new LinkedHashMap<>();
        for (Field f : fields) {
            if (m.put(f.name(), f) != null) {
                throw new IllegalArgumentException("field " + f.name() + " declared twice");
            }
        }
        this.byName = Collections.unmodifiableMap(m);
    }

    public List<Field> fields() {
        return fields;
    }

    public Field field(String name) {
        Field f = byName.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no dump field '" + name + "'; have " + byName.keySet());
        }
        return f;
    }

    /** Bytes in one dump. */
    public int length() {
        return length;
    }

    public ByteOrder order() {
        return order;
    }

    public static Builder builder(ByteOrder order) {
        return new Builder(order);
    }

    /** Declares fields in dump order. */
    public static final class Builder {
        private final ByteOrder order;
        private final List<Field> fields = new ArrayList<>();
        private int next;

        private Builder(ByteOrder order) {
            this.order = order;
        }

        public Builder field(String name, int size, Format format) {
            fields.add(new Field(name, next, size, format));
            next += size;
            return this;
        }

        /** An integer register or status word shown in hex. */
        public Builder hex(String name, int size) {
            return field(name, size, Format.HEX);
        }

        /** Bytes in the dump that are not compared (alignment padding). */
        public Builder skip(int size) {
            next += size;
            return this;
        }

        /** A memory window as rows of {@code rowBytes}, named {@code prefix[+0x10]}. */
        public Builder memory(String prefix, int size, int rowBytes) {
            for (int off = 0; off < size; off += rowBytes) {
                field(String.format("%s[+0x%x]", prefix, off), Math.min(rowBytes, size - off), Format.BYTES);
            }
            return this;
        }

        public int offset() {
            return next;
        }

        public DumpLayout build() {
            return new DumpLayout(new ArrayList<>(fields), next, order);
        }
    }
}
