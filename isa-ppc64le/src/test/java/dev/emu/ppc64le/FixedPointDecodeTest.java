package dev.emu.ppc64le;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.decode.DecodeTable;
import dev.emu.ppc64le.lift.Handler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The branch, fixed-point and storage rows against GNU as: every instruction of fixed-rows.s,
 * assembled by binutils (fixed-rows.sh, output committed as fixed-rows.txt), decodes to the row
 * of its mnemonic; every row of those chapters is reached by one; and the forms GNU as itself
 * rejects in little-endian mode (load/store multiple and string) have rows that raise the
 * alignment interrupt instead of nothing.
 */
class FixedPointDecodeTest {
    record Line(int word, String mnemonic, String source) {}

    /** Extended mnemonics and LK/AA/OE/Rc spellings that share a row. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("ba", "b"), Map.entry("bl", "b"), Map.entry("bla", "b"),
            Map.entry("bca", "bc"), Map.entry("bcl", "bc"), Map.entry("bcla", "bc"),
            Map.entry("bclrl", "bclr"), Map.entry("bcctrl", "bcctr"), Map.entry("bctarl", "bctar"),
            // GNU as spells mftb as mfspr 268/269 for ISA 3.0; the older XO-371 form is a .long line
            Map.entry("mftb", "mfspr"), Map.entry("mftbu", "mfspr"),
            Map.entry("lwsync", "sync"), Map.entry("ptesync", "sync"));

    /** Rows whose name keeps the record dot: they exist only as record forms. */
    private static final Set<String> DOTTED = Set.of("addic.", "andi.", "andis.", "stbcx.", "sthcx.", "stwcx.", "stdcx.");

    static List<Line> lines() throws IOException {
        List<Line> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                FixedPointDecodeTest.class.getResourceAsStream("fixed-rows.txt"), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                String[] p = l.split("\t");
                String src = p[1].trim();
                // ".long 0x... # name": an encoding GNU as does not produce, with its row's name
                String mnemonic = src.startsWith(".long") ? src.substring(src.indexOf('#') + 1).trim() : src.split(" ")[0];
                out.add(new Line((int) Long.parseLong(p[0], 16), mnemonic, src));
            }
        }
        return out;
    }

    static String rowName(String mnemonic) {
        if (DOTTED.contains(mnemonic)) {
            return mnemonic;
        }
        String m = mnemonic.endsWith(".") ? mnemonic.substring(0, mnemonic.length() - 1) : mnemonic;
        m = ALIASES.getOrDefault(m, m);
        boolean oe = m.endsWith("o") && PpcDecoder.TABLE.byName(m) == null
                && PpcDecoder.TABLE.byName(m.substring(0, m.length() - 1)) != null;
        return oe ? m.substring(0, m.length() - 1) : m;
    }

    @Test
    void everyAssembledInstructionDecodesToItsRow() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Line l : lines()) {
            DecodeTable.Entry<Handler> e = PpcDecoder.TABLE.lookup(l.word());
            String got = e == null ? "(none)" : e.name();
            String expect = l.source().startsWith(".long") ? l.mnemonic() : rowName(l.mnemonic());
            if (!got.equals(expect)) {
                wrong.add(String.format("%08x %s -> %s", l.word(), l.source(), got));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyFixedPointRowIsReached() throws IOException {
        Set<String> reached = new TreeSet<>();
        for (Line l : lines()) {
            DecodeTable.Entry<Handler> e = PpcDecoder.TABLE.lookup(l.word());
            if (e != null) {
                reached.add(e.name());
            }
        }
        reached.addAll(Set.of("lmw", "stmw", "lswi", "lswx", "stswi", "stswx")); // see below
        Set<String> missing = new TreeSet<>();
        for (String row : fixedPointRowNames()) {
            if (!reached.contains(row)) {
                missing.add(row);
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The rows PpcDecoder declares itself (the FP/vector rows come from FpVectorRows). */
    static Set<String> fixedPointRowNames() {
        Rows only = new Rows();
        FpVectorRows.add(only);
        Set<String> fpvec = new TreeSet<>();
        for (var e : only.build().entries()) {
            fpvec.add(e.name());
        }
        Set<String> out = new TreeSet<>();
        for (var e : PpcDecoder.TABLE.entries()) {
            if (!fpvec.contains(e.name())) {
                out.add(e.name());
            }
        }
        return out;
    }

    /** GNU as refuses lmw/stmw/lswi/lswx/stswi/stswx for little-endian; the words are the big-endian encodings. */
    @Test
    void multipleAndStringRowsExist() {
        int[] words = {
            0xbb840008, // lmw 28,8(4)
            0xbf840008, // stmw 28,8(4)
            0x7ca444aa, // lswi 5,4,8
            0x7ca4342a, // lswx 5,4,6
            0x7ca445aa, // stswi 5,4,8
            0x7ca4352a, // stswx 5,4,6
        };
        String[] names = {"lmw", "stmw", "lswi", "lswx", "stswi", "stswx"};
        for (int i = 0; i < words.length; i++) {
            assertThat(PpcDecoder.TABLE.lookup(words[i]).name()).isEqualTo(names[i]);
        }
    }
}
