package dev.emu.core.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BitPatternTest {
    private static final BitPattern ADD_IMM = BitPattern.of("z001_0001_0sii_iiii_iiii_iinn_nnnd_dddd");

    @Test
    void fixedBitsGiveMaskAndValue() {
        assertThat(ADD_IMM.mask()).isEqualTo(0x7F80_0000);
        assertThat(ADD_IMM.value()).isEqualTo(0x1100_0000);
        assertThat(ADD_IMM.matches(0x9100_0420)).isTrue(); // add x0, x1, #1
        assertThat(ADD_IMM.matches(0xD100_0420)).isFalse(); // sub x0, x1, #1
    }

    @Test
    void extractsContiguousFieldsByLetter() {
        int w = 0x9140_0c20; // add x0, x1, #3, lsl #12
        assertThat(ADD_IMM.field(w, 'z')).isEqualTo(1);
        assertThat(ADD_IMM.field(w, 's')).isEqualTo(1);
        assertThat(ADD_IMM.field(w, 'i')).isEqualTo(3);
        assertThat(ADD_IMM.field(w, 'n')).isEqualTo(1);
        assertThat(ADD_IMM.field(w, 'd')).isEqualTo(0);
        assertThat(ADD_IMM.width('i')).isEqualTo(12);
        assertThat(ADD_IMM.fieldLetters()).isEqualTo("zsind");
    }

    @Test
    void splitFieldsConcatenateLeftToRight() {
        BitPattern p = BitPattern.of("ab--_----_----_----_----_----_----_--ba");
        int w = 0b10 << 30 | 0b01; // a = 1 then 1, b = 0 then 0
        assertThat(p.field(w, 'a')).isEqualTo(0b11);
        assertThat(p.field(w, 'b')).isEqualTo(0b00);
        assertThat(p.mask()).isZero();
    }

    @Test
    void signedFieldsSignExtend() {
        BitPattern b = BitPattern.of("0001_01ii_iiii_iiii_iiii_iiii_iiii_iiii");
        assertThat(b.signedField(0x17FF_FFFF, 'i')).isEqualTo(-1); // b .-4
        assertThat(b.signedField(0x1400_0002, 'i')).isEqualTo(2);
    }

    @Test
    void overlapAndCover() {
        BitPattern general = BitPattern.of("1---_----_----_----_----_----_----_----");
        BitPattern specific = BitPattern.of("11--_----_----_----_----_----_----_----");
        BitPattern disjoint = BitPattern.of("0---_----_----_----_----_----_----_----");
        assertThat(general.covers(specific)).isTrue();
        assertThat(specific.covers(general)).isFalse();
        assertThat(general.overlaps(specific)).isTrue();
        assertThat(general.overlaps(disjoint)).isFalse();
    }

    @Test
    void rejectsBadPatterns() {
        assertThatThrownBy(() -> BitPattern.of("0101")).hasMessageContaining("4 bits");
        assertThatThrownBy(() -> BitPattern.of("0101_0101_0101_0101_0101_0101_0101_010?"))
                .hasMessageContaining("bad character");
        assertThatThrownBy(() -> ADD_IMM.field(0, 'q')).hasMessageContaining("no field 'q'");
    }
}
