package dev.emu.x86;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.api.Machine;
import dev.emu.core.api.RunResult;
import dev.emu.core.engine.StopReason;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.Prot;
import dev.emu.x86.decode.OneByteMap;
import dev.emu.x86.decode.OpcodeEntry;
import dev.emu.x86.decode.TwoByteMap;
import dev.emu.x86.decode.X86Decoder;
import dev.emu.x86.decode.X86Insn;

import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

class X86DecoderTest {
    private static X86Insn decode(String hex) {
        byte[] code = HexFormat.of().parseHex(hex.replace(" ", ""));
        return X86Decoder.decode(ByteSource.of(0x1000, code), 0x1000);
    }

    /** Lengths of GNU as encodings (the disassembly after each). */
    @Test
    void lengthsOfAssembledInstructions() {
        String[] cases = {
            "80 05 10 00 00 00 05",            // add byte ptr [rip+0x10], 5
            "64 48 8b 84 cb 78 56 34 12",      // mov rax, qword ptr fs:[rbx+rcx*8+0x12345678]
            "f0 4b 81 44 6c 80 ff ff ff 7f",   // lock add qword ptr [r12+r13*2-0x80], 0x7fffffff
            "66 c7 45 00 34 12",               // mov word ptr [rbp], 0x1234
            "a0 88 77 66 55 44 33 22 11",      // movabs al, byte ptr [0x1122334455667788]
            "c8 00 01 03",                     // enter 0x100, 3
            "66 44 69 7c 24 20 34 12",         // imul r15w, word ptr [rsp+0x20], 0x1234
            "0f 1f 04 00",                     // nop dword ptr [rax+rax+0x0]
            "c2 08 00",                        // ret 8
            "e9 fb 0f 00 00",                  // jmp .+0x1000
            "f6 46 10 01",                     // test byte ptr [rsi+0x10], 1
            "f7 06 00 01 00 00",               // test dword ptr [rsi], 0x100
            "48 0f a4 47 08 03",               // shld qword ptr [rdi+8], rax, 3
            "66 0f ba 23 09",                  // bt word ptr [rbx], 9
            "4d 0f be 01",                     // movsx r8, byte ptr [r9]
            "49 90",                           // xchg r8, rax
            "4d 8d 6d 00",                     // lea r13, [r13+0]
            "41 8b 04 24",                     // mov eax, [r12]
            "0f c7 0f",                        // cmpxchg8b qword ptr [rdi]
            "f3 48 a5",                        // rep movsq
            "67 8b 00",                        // addr32 mov eax, [eax]
            "48 b8 88 77 66 55 44 33 22 11",   // mov rax, 0x1122334455667788
            "66 41 b9 34 12",                  // mov r9w, 0x1234
            "f3 0f 1e fa",                     // endbr64
        };
        for (String c : cases) {
            X86Insn i = decode(c + " 90 90 90 90");
            assertThat(i.entry).as(c).isNotNull();
            assertThat(i.length).as(c).isEqualTo(c.split(" ").length);
        }
    }

    @Test
    void operandFields() {
        // 64 48 8b 84 cb 78 56 34 12    mov rax, fs:[rbx+rcx*8+0x12345678]
        X86Insn i = decode("64 48 8b 84 cb 78 56 34 12");
        assertThat(i.segment).isEqualTo(X86Insn.SEG_FS);
        assertThat(i.base).isEqualTo(3);
        assertThat(i.index).isEqualTo(1);
        assertThat(i.scale).isEqualTo(8);
        assertThat(i.disp).isEqualTo(0x12345678);
        assertThat(i.opSize).isEqualTo(64);
        // 41 8b 04 24    mov eax, [r12]: SIB with no index, base r12
        i = decode("41 8b 04 24");
        assertThat(i.base).isEqualTo(12);
        assertThat(i.index).isEqualTo(-1);
        // 42 8b 04 24: REX.X makes index 4 into r12
        i = decode("42 8b 04 24");
        assertThat(i.index).isEqualTo(12);
        // 80 05 10 00 00 00 05    add byte ptr [rip+0x10], 5
        i = decode("80 05 10 00 00 00 05");
        assertThat(i.ripRelative).isTrue();
        assertThat(i.opSize).isEqualTo(8);
    }

    @Test
    void aRexBeforeALegacyPrefixIsIgnored() {
        // 48 66 01 d8: REX.W then 66: the REX does not count, so 16-bit add ax, bx
        X86Insn i = decode("48 66 01 d8");
        assertThat(i.rex).isZero();
        assertThat(i.opSize).isEqualTo(16);
        assertThat(i.length).isEqualTo(4);
    }

    @Test
    void undefinedEncodingsCarryTheirBytes() {
        // 06 (push es) is invalid in 64-bit mode
        X86Insn i = decode("06 11 22 33 44 55 66 77 88");
        assertThat(i.entry).isNull();
        assertThat(i.head).isEqualTo(0x7766554433221106L);
        // fifteen prefixes and an opcode: too long
        i = decode("66".repeat(15) + "90");
        assertThat(i.entry).isNull();
        // 0f 38 00 (pshufb): the three-byte maps are empty so far
        assertThat(decode("0f 38 00 c0").entry).isNull();
    }

    @Test
    void everyLeafHasAHandlerAndAUniqueRow() {
        Set<OpcodeEntry> seen = new HashSet<>();
        int[] count = {0};
        for (OpcodeEntry[] map : new OpcodeEntry[][] {OneByteMap.TABLE, TwoByteMap.TABLE}) {
            for (OpcodeEntry e : map) {
                if (e != null) {
                    e.leaves(l -> {
                        assertThat(l.handler()).as(l.name()).isNotNull();
                        seen.add(l);
                        count[0]++;
                    });
                }
            }
        }
        assertThat(count[0]).isGreaterThan(250);
    }

    @Test
    void anInstructionMayCrossAPageAndFaultsPreciselyWhenTheSecondPageIsMissing() {
        Machine m = Machine.create(new X86_64Isa(), Machine.Tiers.INTERPRETER);
        m.map(0x10000, 0x2000, Prot.RWX);
        // 48 b8 <imm64>    mov rax, imm64 straddling 0x11000
        byte[] mov = HexFormat.of().parseHex("48b88877665544332211");
        m.write(0x11000 - 4, mov);
        RunResult r = m.start(0x11000 - 4, 0x11000 - 4 + mov.length, Duration.ofSeconds(5), 0);
        assertThat(r.reason()).isEqualTo(StopReason.UNTIL_REACHED);
        assertThat(m.reg("rax")).isEqualTo(0x1122334455667788L);

        Machine m2 = Machine.create(new X86_64Isa(), Machine.Tiers.INTERPRETER);
        m2.map(0x10000, 0x1000, Prot.RWX);
        m2.write(0x11000 - 5, HexFormat.of().parseHex("90" + "48b88877"));
        RunResult r2 = m2.start(0x11000 - 5, -1, Duration.ofSeconds(5), 0);
        assertThat(r2.reason()).isEqualTo(StopReason.FAULT);
        assertThat(r2.pc()).isEqualTo(0x11000 - 4); // the nop ran; the mov faults at its own pc
    }

    @Test
    void aFaultingStoreLeavesTheStateOfTheInstructionsBefore() {
        // 48 c7 c0 01 00 00 00    mov rax, 1 ; 48 89 1f    mov [rdi], rbx ; 48 c7 c0 02 00 00 00    mov rax, 2
        X86Runner r = X86Runner.code("48 c7 c0 01 00 00 00 48 89 1f 48 c7 c0 02 00 00 00").set("rdi", 0x9000_0000L).run();
        assertThat(r.result.reason()).isEqualTo(StopReason.FAULT);
        assertThat(r.pc()).isEqualTo(X86Runner.BASE + 7);
        assertThat(r.reg("rax")).isEqualTo(1);
        // 6a 05    push 5 with RSP unmapped: RSP unchanged
        r = X86Runner.code("6a 05").set("rsp", 0x9000_0000L).run();
        assertThat(r.reg("rsp")).isEqualTo(0x9000_0000L);
        assertThat(r.trap()).isNull();
    }

    @Test
    void x87EscapesDecodeWithTheirModrm() {
        for (int op = 0xD8; op <= 0xDF; op++) {
            assertThat(decode(String.format("%02x c0", op)).entry).as("%02x c0", op).isNotNull();
        }
        // dd 84 24 00 01 00 00    fld qword [rsp+0x100]: ModRM, SIB, disp32
        X86Insn i = decode("dd 84 24 00 01 00 00");
        assertThat(i.name()).isEqualTo("FLD_m_DD");
        assertThat(i.length).isEqualTo(7);
        // d9 08    (d9 /1 with a memory operand): undefined, no row
        assertThat(decode("d9 08").entry).isNull();
        assertThat(decode("df 20").name()).isEqualTo("FBLD_m_DF");
        // the undefined D9 D1 and D9 EF trap when lifted
        assertThat(X86Runner.code("d9 d1").run().trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
        assertThat(X86Runner.code("d9 ef").run().trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
    }
}
