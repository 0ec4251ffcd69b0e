package dev.emu.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.x86.X86Runner;

import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The two ways the lifter reads lazy flags agree: from the flag-setting operation's IR values
 * when it is in the same block, and from the cc slots (the {@code X86Flags.flags} helper,
 * the ZF/SF shortcut, the inline CF of INC/DEC) when a {@code jmp} puts the reader in the
 * next block. Each case sets flags with one of several operations, runs the operation under
 * test, stores all sixteen SETcc and PUSHF, once in one block and once with the operation
 * and every reader in a block of its own; both must give the same bytes, and each condition
 * must match the flags PUSHF shows (the differential tests check those against the host CPU).
 */
class LazyFlagsTest {
    static final long D = X86Runner.DATA;

    /** Operations on rax (al, ax, eax) and rbx/cl, by size: {8-bit, 16, 32, 64} encodings. */
    static final String[][] OPS = {
        {"00 d8", "66 01 d8", "01 d8", "48 01 d8"},          // add
        {"10 d8", "66 11 d8", "11 d8", "48 11 d8"},          // adc
        {"28 d8", "66 29 d8", "29 d8", "48 29 d8"},          // sub
        {"18 d8", "66 19 d8", "19 d8", "48 19 d8"},          // sbb
        {"38 d8", "66 39 d8", "39 d8", "48 39 d8"},          // cmp
        {"20 d8", "66 21 d8", "21 d8", "48 21 d8"},          // and
        {"30 d8", "66 31 d8", "31 d8", "48 31 d8"},          // xor
        {"fe c0", "66 ff c0", "ff c0", "48 ff c0"},          // inc
        {"fe c8", "66 ff c8", "ff c8", "48 ff c8"},          // dec
        {"f6 d8", "66 f7 d8", "f7 d8", "48 f7 d8"},          // neg
        {"d2 e0", "66 d3 e0", "d3 e0", "48 d3 e0"},          // shl by cl (cl may be 0)
        {"d2 f8", "66 d3 f8", "d3 f8", "48 d3 f8"},          // sar by cl
        {"c0 e8 03", "66 c1 e8 03", "c1 e8 03", "48 c1 e8 03"}, // shr by 3
        {"d2 c0", "66 d3 c0", "d3 c0", "48 d3 c0"},          // rol by cl
        {"d2 d0", "66 d3 d0", "d3 d0", "48 d3 d0"},          // rcl by cl
        {"f6 e3", "66 f7 e3", "f7 e3", "48 f7 e3"},          // mul bl
        {"66 0f af c3", "66 0f af c3", "0f af c3", "48 0f af c3"}, // imul rax, rbx
        {"f5", "f5", "f5", "f5"},                            // cmc
    };

    static final long[] EDGES = {0, 1, 2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFF_FFFFL, 0x8000_0000L,
        0xFFFF_FFFFL, Long.MAX_VALUE, Long.MIN_VALUE, -1, 0x10};

    /** What sets the flags before the operation (so ADC/SBB/INC/DEC/rotates/CMC see each kind of lazy CF). */
    static final String[] PREFIXES = {
        "4d 39 c8",    // cmp r8, r9
        "4d 01 c8",    // add r8, r9
        "4d 11 c8",    // adc r8, r9
        "45 29 c8",    // sub r8d, r9d
        "4d 21 c8",    // and r8, r9
        "f9",          // stc
        "49 ff c0",    // inc r8
        "41 d3 e0",    // shl r8d, cl
    };

    @Test
    void inBlockAndCrossBlockReadsAgree() {
        Random rnd = new Random(20261128);
        for (String[] op : OPS) {
            for (String enc : op) {
                for (int k = 0; k < 4; k++) {
                    long[] r = new long[5];
                    r[0] = k < 2 ? EDGES[rnd.nextInt(EDGES.length)] : rnd.nextLong() >> rnd.nextInt(64);
                    r[1] = k < 3 ? EDGES[rnd.nextInt(EDGES.length)] : rnd.nextLong();
                    r[2] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(70);
                    r[3] = EDGES[rnd.nextInt(EDGES.length)];
                    r[4] = rnd.nextBoolean() ? EDGES[rnd.nextInt(EDGES.length)] : rnd.nextLong();
                    check(PREFIXES[rnd.nextInt(PREFIXES.length)], enc, r);
                }
            }
        }
    }

    private static void check(String prefix, String op, long[] r) {
        StringBuilder same = new StringBuilder(prefix + " " + op);
        StringBuilder split = new StringBuilder(prefix + " eb 00 " + op); // the operation reads CF in a new block
        for (int cc = 0; cc < 16; cc++) {
            String set = String.format(" 0f %02x 47 %02x", 0x90 + cc, cc); // setcc [rdi + cc]
            same.append(set);
            split.append(" eb 00").append(set);
        }
        same.append(" 9c 5a");            // pushf; pop rdx
        split.append(" eb 00 9c 5a");
        X86Runner a = run(same.toString(), r);
        X86Runner b = run(split.toString(), r);
        String what = prefix + "; " + op + " rax=" + Long.toHexString(r[0]) + " rbx=" + Long.toHexString(r[1])
                + " rcx=" + r[2] + " r8=" + Long.toHexString(r[3]) + " r9=" + Long.toHexString(r[4]);
        assertThat(b.reg("rdx")).as("pushf across blocks, " + what).isEqualTo(a.reg("rdx"));
        assertThat(b.reg("rax")).as(what).isEqualTo(a.reg("rax"));
        byte[] sa = a.m.read(D, 16);
        byte[] sb = b.m.read(D, 16);
        assertThat(HexFormat.of().formatHex(sb)).as("setcc across blocks, " + what).isEqualTo(HexFormat.of().formatHex(sa));
        long f = a.reg("rdx");
        for (int cc = 0; cc < 16; cc++) {
            assertThat(sa[cc]).as("setcc %x against pushf %x, %s", cc, f, what).isEqualTo((byte) condition(cc, f));
        }
    }

    private static X86Runner run(String code, long[] r) {
        return X86Runner.code(code).set("rax", r[0]).set("rbx", r[1]).set("rcx", r[2]).set("r8", r[3]).set("r9", r[4])
                .set("rdi", D).set("rsp", X86Runner.STACK_TOP).flags(0x8D5).run();
    }

    /** SDM Appendix B.1.4.7 from RFLAGS. */
    static int condition(int cc, long f) {
        boolean cf = (f & 1) != 0;
        boolean pf = (f & 4) != 0;
        boolean zf = (f & 0x40) != 0;
        boolean sf = (f & 0x80) != 0;
        boolean of = (f & 0x800) != 0;
        boolean r = switch (cc >> 1) {
            case 0 -> of;
            case 1 -> cf;
            case 2 -> zf;
            case 3 -> cf || zf;
            case 4 -> sf;
            case 5 -> pf;
            case 6 -> sf != of;
            default -> zf || sf != of;
        };
        return (r ^ (cc & 1) != 0) ? 1 : 0;
    }
}
