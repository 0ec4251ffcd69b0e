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

import org.junit.jupiter.api.Test;

/**
 * The FP, VMX and VSX rows against GNU as: every instruction of fpvec-rows.s, assembled by
 * binutils (fpvec-rows.sh, output committed as fpvec-rows.txt), must decode to the row of its
 * mnemonic; and a word one reserved bit away from a row's must not decode to it.
 */
class FpVectorDecodeTest {
    record Line(int word, String mnemonic, String source) {}

    static List<Line> lines() throws IOException {
        List<Line> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                FpVectorDecodeTest.class.getResourceAsStream("fpvec-rows.txt"), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                String[] p = l.split("\t");
                String src = p[1].trim();
                out.add(new Line((int) Long.parseLong(p[0], 16), src.split(" ")[0], src));
            }
        }
        return out;
    }

    /** The row name of a mnemonic: record forms share their base row except where the table splits them. */
    private static String rowName(String mnemonic, String decoded) {
        if (decoded.equals(mnemonic)) {
            return decoded;
        }
        return mnemonic.endsWith(".") ? mnemonic.substring(0, mnemonic.length() - 1) : mnemonic;
    }

    @Test
    void everyAssembledInstructionDecodesToItsRow() throws IOException {
        List<String> wrong = new ArrayList<>();
        List<Line> all = lines();
        for (Line l : all) {
            DecodeTable.Entry<Handler> e = PpcDecoder.TABLE.lookup(l.word());
            String got = e == null ? "(none)" : e.name();
            String expect = rowName(l.mnemonic(), got);
            if (!got.equals(expect) && !got.startsWith(expect + "_") && !got.startsWith(l.mnemonic() + "_")) {
                wrong.add(String.format("%08x %s -> %s", l.word(), l.source(), got));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(all).hasSizeGreaterThan(500);
    }
}
