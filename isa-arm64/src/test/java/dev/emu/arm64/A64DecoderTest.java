package dev.emu.arm64;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm64.lift.Handler;
import dev.emu.core.decode.DecodeTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class A64DecoderTest {
    private static final DecodeTable<Handler> T = A64Decoder.TABLE;

    /** Rows that share words on purpose: the first is the specific encoding that wins. */
    private static final List<String> INTENDED_OVERLAPS = List.of(
            "REV32 > REV"
    );

    @Test
    void overlapsAreOnlyTheIntendedOnes() {
        List<String> found = new ArrayList<>();
        for (DecodeTable.Overlap o : T.overlaps()) {
            found.add(o.toString());
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(INTENDED_OVERLAPS);
    }

    @Test
    void everyRowIsReachable() {
        Random rnd = new Random(42);
        for (DecodeTable.Entry<Handler> e : T.entries()) {
            boolean hit = false;
            for (int i = 0; i < 2000 && !hit; i++) {
                int free = ~e.pattern().mask();
                int w = e.pattern().value() | (i == 0 ? 0 : rnd.nextInt() & free);
                hit = T.lookup(w) == e;
            }
            assertThat(hit).as("%s reachable", e.name()).isTrue();
        }
    }

    @Test
    void namesAreUnique() {
        assertThat(T.entries().stream().map(DecodeTable.Entry::name).distinct().count()).isEqualTo(T.size());
    }

    @Test
    void unknownWordsHaveNoRow() {
        assertThat(T.lookup(0x0000_0000)).as("udf #0 has no handler but UDF").satisfiesAnyOf(
                e -> assertThat(e).isNull(), e -> assertThat(e.name()).isEqualTo("UDF"));
    }
}
