package dev.emu.arm64.diff;

import dev.emu.arm64.A64Decoder;
import dev.emu.core.decode.BitPattern;
import dev.emu.core.decode.DecodeTable;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Builds an encoding of a decoder row: fixed bits from its pattern, fields by letter, the rest random. */
final class Enc {
    private final String name;
    private final String bits;
    private final Map<Character, Integer> fields = new HashMap<>();

    private Enc(String name) {
        DecodeTable.Entry<?> e = A64Decoder.TABLE.byName(name);
        if (e == null) {
            throw new IllegalArgumentException("no decoder row " + name);
        }
        this.name = name;
        this.bits = e.pattern().toString().replace("_", "");
    }

    static Enc of(String name) {
        return new Enc(name);
    }

    Enc with(char letter, int value) {
        fields.put(letter, value);
        return this;
    }

    String name() {
        return name;
    }

    BitPattern pattern() {
        return BitPattern.of(bits);
    }

    /** The word, with fields not given drawn from r. */
    int word(Random r) {
        int w = 0;
        Map<Character, Integer> remaining = new HashMap<>();
        Map<Character, Integer> width = new HashMap<>();
        for (char c : bits.toCharArray()) {
            if (Character.isLetter(c)) {
                width.merge(c, 1, Integer::sum);
            }
        }
        for (Map.Entry<Character, Integer> f : width.entrySet()) {
            Integer v = fields.get(f.getKey());
            remaining.put(f.getKey(), v != null ? v : r.nextInt() & (int) ((1L << f.getValue()) - 1));
        }
        Map<Character, Integer> left = new HashMap<>(width);
        for (int i = 0; i < 32; i++) {
            char c = bits.charAt(i);
            int bit = switch (c) {
                case '0' -> 0;
                case '1' -> 1;
                case '-' -> r.nextInt(2);
                default -> {
                    int k = left.merge(c, -1, Integer::sum);
                    yield remaining.get(c) >>> k & 1;
                }
            };
            w |= bit << (31 - i);
        }
        return w;
    }
}
