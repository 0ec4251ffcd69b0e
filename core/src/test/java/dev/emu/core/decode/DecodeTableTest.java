package dev.emu.core.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DecodeTableTest {
    private static DecodeTable<String> table(int bucketBits) {
        return DecodeTable.<String>builder()
                .bucketBits(bucketBits)
                .add("MOV_alias", "1000_0000_----_----_----_----_----_----", "mov")
                .add("GENERAL", "1---_----_----_----_----_----_----_----", "general")
                .add("LOW", "0000_----_----_----_----_----_----_--ab", "low")
                .build();
    }

    @Test
    void firstMatchWins() {
        DecodeTable<String> t = table(8);
        assertThat(t.lookup(0x8000_0000).handler()).isEqualTo("mov");
        assertThat(t.lookup(0x8100_0000).handler()).isEqualTo("general");
        assertThat(t.lookup(0x0000_0003).handler()).isEqualTo("low");
        assertThat(t.lookup(0x1000_0000)).isNull();
    }

    @Test
    void bucketedLookupAgreesWithLinearScan() {
        DecodeTable<String> bucketed = table(10);
        DecodeTable<String> linear = table(0);
        Random r = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            int w = r.nextInt() & (r.nextBoolean() ? 0x8F00_0003 : -1);
            var a = bucketed.lookup(w);
            var b = linear.lookup(w);
            assertThat(a == null ? null : a.name()).isEqualTo(b == null ? null : b.name());
        }
    }

    @Test
    void listsOverlaps() {
        assertThat(table(8).overlaps()).containsExactly(new DecodeTable.Overlap("MOV_alias", "GENERAL"));
    }

    @Test
    void rejectsUnreachableAndDuplicateEntries() {
        assertThatThrownBy(() -> DecodeTable.<String>builder()
                .add("GENERAL", "1---_----_----_----_----_----_----_----", "g")
                .add("SPECIFIC", "11--_----_----_----_----_----_----_----", "s")
                .build()).hasMessageContaining("'SPECIFIC' is unreachable");
        assertThatThrownBy(() -> DecodeTable.<String>builder()
                .add("A", "1---_----_----_----_----_----_----_----", "g")
                .add("A", "0---_----_----_----_----_----_----_----", "s")
                .build()).hasMessageContaining("declared twice");
    }

    @Test
    void entriesExposeFields() {
        var e = table(8).lookup(0x0000_0002);
        assertThat(e.field(0x0000_0002, 'a')).isEqualTo(1);
        assertThat(e.field(0x0000_0002, 'b')).isEqualTo(0);
    }
}
