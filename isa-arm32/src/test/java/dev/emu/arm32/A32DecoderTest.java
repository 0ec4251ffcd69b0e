package dev.emu.arm32;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm32.lift.Handler;
import dev.emu.core.decode.DecodeTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class A32DecoderTest {
    /** Rows that share words on purpose: the first is the specific encoding that wins. */
    private static final List<String> INTENDED_OVERLAPS = List.of(
            "HINT > MSR_imm",
            "SXTB16 > SXTAB16", "SXTB > SXTAB", "SXTH > SXTAH",
            "UXTB16 > UXTAB16", "UXTB > UXTAB", "UXTH > UXTAH");

    static List<String> overlaps(DecodeTable<Handler> t) {
        List<String> found = new ArrayList<>();
        for (DecodeTable.Overlap o : t.overlaps()) {
            found.add(o.toString());
        }
        return found;
    }

    static void allReachable(DecodeTable<Handler> t) {
        Random rnd = new Random(42);
        for (DecodeTable.Entry<Handler> e : t.entries()) {
            boolean hit = false;
            for (int i = 0; i < 2000 && !hit; i++) {
                int free = ~e.pattern().mask();
                int w = e.pattern().value() | (i == 0 ? 0 : rnd.nextInt() & free);
                hit = t.lookup(w) == e;
            }
            assertThat(hit).as("%s reachable", e.name()).isTrue();
        }
    }

    @Test
    void overlapsAreOnlyTheIntendedOnes() {
        assertThat(overlaps(A32Decoder.CONDITIONAL)).containsExactlyInAnyOrderElementsOf(INTENDED_OVERLAPS);
        assertThat(overlaps(A32Decoder.UNCONDITIONAL)).isEmpty();
    }

    @Test
    void everyRowIsReachable() {
        allReachable(A32Decoder.CONDITIONAL);
        allReachable(A32Decoder.UNCONDITIONAL);
    }

    @Test
    void wellKnownWordsDecode() {
        assertThat(A32Decoder.CONDITIONAL.lookup(0xe2811001).name()).isEqualTo("ADD_imm"); // add r1, r1, #1
        assertThat(A32Decoder.CONDITIONAL.lookup(0xe1b03514).name()).isEqualTo("MOV_rsr"); // lsls r3, r4, r5
        assertThat(A32Decoder.CONDITIONAL.lookup(0xe92d4010).name()).isEqualTo("STMDB");   // push {r4, lr}
        assertThat(A32Decoder.CONDITIONAL.lookup(0xe1c120f8).name()).isEqualTo("STRD_imm"); // strd r2, r3, [r1, #8]
        assertThat(A32Decoder.CONDITIONAL.lookup(0xe6b10472).name()).isEqualTo("SXTAH");   // sxtah r0, r1, r2, ror #8
        assertThat(A32Decoder.CONDITIONAL.lookup(0xe7f000f0).name()).isEqualTo("UDF");     // udf #0
        assertThat(A32Decoder.UNCONDITIONAL.lookup(0xf57ff05b).name()).isEqualTo("DMB");   // dmb ish
        assertThat(A32Decoder.CONDITIONAL.lookup(0xe1000091)).as("swp r0, r1, [r0]").isNull();
    }

    @Test
    void modesRoundTrip() {
        assertThat(Arm32Isa.modeOf(false, 0)).isZero();
        assertThat(Arm32Isa.modeOf(true, 0)).isEqualTo(1);
        for (int it = 0; it < 256; it++) {
            if ((it & 0xF) == 0) {
                continue;
            }
            int m = Arm32Isa.modeOf(true, it);
            assertThat(m).isBetween(2, 255);
            assertThat(Arm32Isa.itStateOfMode(m)).isEqualTo(it);
        }
    }
}
