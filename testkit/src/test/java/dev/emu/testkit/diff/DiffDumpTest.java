package dev.emu.testkit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.testkit.diff.a64.A64DiffProgram;
import dev.emu.testkit.diff.a64.A64State;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiffDumpTest {
    @Test
    void fieldsReadInTheDumpByteOrder() {
        DumpLayout le = DumpLayout.builder(ByteOrder.LITTLE_ENDIAN).hex("r0", 4).skip(4).hex("r1", 8).build();
        byte[] bytes = {0x78, 0x56, 0x34, 0x12, 9, 9, 9, 9, 1, 0, 0, 0, 0, 0, 0, (byte) 0x80};
        DiffDump d = new DiffDump(le, bytes);
        assertThat(d.getLong("r0")).isEqualTo(0x12345678L);
        assertThat(d.format("r0")).isEqualTo("0x12345678");
        assertThat(d.getLong("r1")).isEqualTo(0x8000000000000001L);

        DumpLayout be = DumpLayout.builder(ByteOrder.BIG_ENDIAN).hex("r0", 4).skip(4).hex("r1", 8).build();
        assertThat(new DiffDump(be, bytes).format("r0")).isEqualTo("0x78563412");
    }

    @Test
    void skippedBytesAreNotCompared() {
        DumpLayout l = DumpLayout.builder(ByteOrder.LITTLE_ENDIAN).hex("a", 2).skip(2).memory("mem", 20, 16).build();
        assertThat(l.fields()).extracting(DumpLayout.Field::name).containsExactly("a", "mem[+0x0]", "mem[+0x10]");
        byte[] x = new byte[24];
        byte[] y = new byte[24];
        y[2] = 1;         // padding
        y[4 + 17] = 0x5a; // second memory row
        List<DiffDump.FieldDiff> diffs = new DiffDump(l, x).compare(new DiffDump(l, y));
        assertThat(diffs).hasSize(1);
        assertThat(diffs.get(0).field()).isEqualTo("mem[+0x10]");
        assertThat(diffs.get(0).expected()).isEqualTo("00 00 00 00");
        assertThat(diffs.get(0).actual()).isEqualTo("00 5a 00 00");
    }

    @Test
    void a64LayoutNamesEveryRegister() {
        A64State s = A64State.random(new Random(1), 64);
        s.x[7] = 0x0123456789abcdefL;
        s.vLo[3] = 0x1111111111111111L;
        s.vHi[3] = 0x2222222222222222L;
        s.nzcv = 0x60000000L;
        DiffDump d = A64DiffProgram.dumpOf(s);
        assertThat(d.layout().length()).isEqualTo(832 + 64);
        assertThat(d.getLong("x7")).isEqualTo(0x0123456789abcdefL);
        assertThat(d.format("v3")).isEqualTo("0x22222222222222221111111111111111");
        assertThat(d.format("nzcv")).isEqualTo("0x0000000060000000 (nZCv)");
        assertThat(d.getLong("sp")).isEqualTo(A64DiffProgram.WINDOW + 64);
        assertThat(d.get("mem[+0x30]")).containsExactly(java.util.Arrays.copyOfRange(s.mem, 48, 64));
    }
}
