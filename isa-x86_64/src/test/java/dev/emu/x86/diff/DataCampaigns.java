package dev.emu.x86.diff;

import static dev.emu.x86.diff.X86Campaigns.ALL;
import static dev.emu.x86.diff.X86Campaigns.callThrough;
import static dev.emu.x86.diff.X86Campaigns.emit;
import static dev.emu.x86.diff.X86Campaigns.of;
import static dev.emu.x86.diff.X86Campaigns.toInts;

import dev.emu.testkit.diff.x86.X86Case;
import dev.emu.x86.diff.X86Campaigns.Group;

import java.util.List;

/** Campaigns: MOV forms, LEA, XCHG/BSWAP/CBW, CMPXCHG/XADD, the stack, string instructions. */
final class DataCampaigns {
    private DataCampaigns() {}

    static void add(List<Group> g) {
        // ---- MOV forms 88-8B, C6/C7, B0-BF, MOVZX/MOVSX/MOVSXD, reg and mem
        g.add(new Group("mov", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int kind = r.nextInt(8);
            boolean mem = r.nextBoolean();
            switch (kind) {
                case 0 -> { // 88-8B
                    int form = r.nextInt(4);
                    x.size((form & 1) == 0);
                    emit(x, new int[] {0x88 | form}, x.reg(), mem);
                }
                case 1 -> { // C6 / C7
                    x.size(r.nextBoolean());
                    emit(x, new int[] {x.size == 8 ? 0xC6 : 0xC7}, 0, mem);
                    x.imm(x.size == 8 ? 1 : x.size == 16 ? 2 : 4, X86Gen.imm32(r));
                }
                case 2 -> { // B0+r / B8+r, imm64 with REX.W
                    x.size(r.nextBoolean());
                    int reg = x.reg();
                    x.prefixes(0, 0, reg);
                    x.raw((x.size == 8 ? 0xB0 : 0xB8) + (reg & 7));
                    x.imm(x.size / 8, r.nextLong());
                }
                case 3, 4 -> { // MOVZX / MOVSX Gv, Eb / Ew
                    x.size(false);
                    int op = (kind == 3 ? 0xB6 : 0xBE) | r.nextInt(2);
                    emit(x, new int[] {0x0F, op}, x.reg(), mem);
                }
                case 5 -> { // MOVSXD
                    x.size(false);
                    emit(x, new int[] {0x63}, x.reg(), mem);
                }
                case 6 -> { // moffs: A0-A3 with a 64-bit absolute address in the window
                    int op = 0xA0 | r.nextInt(4);
                    x.size((op & 1) == 0);
                    x.prefixes(0, 0, 0);
                    x.raw(op);
                    x.imm(8, X86Gen.W + 64 + r.nextInt(120));
                }
                default -> { // MOV with a 67 prefix: 32-bit addressing
                    x.size(false);
                    x.raw(0x67);
                    emit(x, new int[] {0x8B}, x.reg(), true);
                }
            }
            return of(x, "mov kind " + kind + " size " + x.size, ALL);
        }));
        // ---- LEA with every addressing form (no memory access), sizes 16/32/64, 67 prefix
        g.add(new Group("lea", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            x.size(false);
            if (r.nextInt(4) == 0) {
                x.raw(0x67);
            }
            int dst = x.reg();
            int base = x.regNoSp();
            int index = r.nextInt(16);
            int mod = r.nextInt(3);
            int rm = r.nextInt(8);
            x.prefixes(dst, index, base);
            x.raw(0x8D, mod << 6 | (dst & 7) << 3 | rm);
            if (rm == 4) {
                x.raw(r.nextInt(256) & ~7 | (base & 7));
            }
            if (mod == 1) {
                x.raw(r.nextInt(256));
            } else if (mod == 2 || mod == 0 && (rm == 5 || rm == 4 && (base & 7) == 5)) {
                x.imm(4, r.nextInt());
            }
            return of(x, "lea", ALL);
        }));
        // ---- XCHG, BSWAP, CBW/CWDE/CDQE, CWD/CDQ/CQO
        g.add(new Group("xchg_bswap_cbw", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int kind = r.nextInt(5);
            switch (kind) {
                case 0 -> {
                    x.size(r.nextBoolean());
                    emit(x, new int[] {x.size == 8 ? 0x86 : 0x87}, x.reg(), r.nextBoolean());
                }
                case 1 -> {
                    x.size(false);
                    int reg = x.reg();
                    x.prefixes(0, 0, reg);
                    x.raw(0x90 + (reg & 7));
                }
                case 2 -> {
                    x.size(false);
                    if (x.size == 16) {
                        x.fixedSize(32); // BSWAP r16 is undefined
                    }
                    int reg = x.reg();
                    x.prefixes(0, 0, reg);
                    x.raw(0x0F, 0xC8 + (reg & 7));
                }
                default -> {
                    x.size(false);
                    x.prefixes(0, 0, 0);
                    x.raw(kind == 3 ? 0x98 : 0x99);
                }
            }
            return of(x, "xchg/bswap/cbw kind " + kind + " size " + x.size, ALL);
        }));
        // ---- CMPXCHG, XADD (reg and mem, LOCK), CMPXCHG8B
        g.add(new Group("cmpxchg_xadd", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int kind = r.nextInt(5);
            boolean mem = r.nextBoolean();
            if (kind == 4) {
                boolean wide = r.nextBoolean();
                if (r.nextBoolean()) {
                    x.raw(0xF0);
                }
                if (wide) { // CMPXCHG16B [rsi + 0]: 16-byte aligned, or not (#GP: SIGSEGV)
                    x.s.gpr[6] = X86Gen.W + 64 + 16 * r.nextInt(8) + (r.nextInt(8) == 0 ? 8 : 0);
                    x.raw(0x48, 0x0F, 0xC7, 0x4E, 0x00);
                    if (r.nextBoolean()) { // equal
                        int off = (int) (x.s.gpr[6] - X86Gen.W) & ~15;
                        x.s.gpr[0] = java.nio.ByteBuffer.wrap(x.s.mem, off, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
                        x.s.gpr[2] = java.nio.ByteBuffer.wrap(x.s.mem, off + 8, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
                    }
                    return of(x, "cmpxchg16b", ALL);
                }
                x.fixedSize(32);
                x.memForm(new int[] {0x0F, 0xC7}, 1, 8, 0, 1, 2, 3);
                return of(x, "cmpxchg8b", ALL);
            }
            boolean lock = mem && r.nextBoolean();
            if (lock) {
                x.raw(0xF0);
            }
            x.size(kind % 2 == 0);
            int opc = (kind < 2 ? 0xB0 : 0xC0) | (x.size == 8 ? 0 : 1);
            int reg = x.reg();
            if (mem) {
                x.memForm(new int[] {0x0F, opc}, reg, 8, 0);
            } else {
                x.regForm(new int[] {0x0F, opc}, reg, x.reg());
            }
            if (kind < 2 && r.nextBoolean()) {
                x.s.gpr[0] = mem ? x.s.gpr[0] : x.s.gpr[reg]; // make some compares succeed
            }
            return of(x, (lock ? "lock " : "") + (kind < 2 ? "cmpxchg" : "xadd") + " size " + x.size, ALL);
        }));
        // ---- PUSH/POP (r, imm, r/m), CALL/RET, LEAVE, ENTER: RSP at the top of the window
        g.add(new Group("stack", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int kind = r.nextInt(8);
            x.s.gpr[4] = X86Gen.W + 128 + 8 * r.nextInt(8);
            switch (kind) {
                case 0 -> { // push r / pop r
                    int reg = x.reg();
                    x.fixedSize(r.nextInt(5) == 0 ? 16 : 64);
                    x.rex = 0;
                    x.prefixes(0, 0, reg);
                    x.raw((r.nextBoolean() ? 0x50 : 0x58) + (reg & 7));
                }
                case 1 -> { // push imm
                    x.raw(r.nextBoolean() ? 0x6A : 0x68);
                    x.imm(x.out.toByteArray()[0] == 0x6A ? 1 : 4, X86Gen.imm32(r));
                }
                case 2 -> { // push / pop r/m
                    x.fixedSize(64);
                    x.rex = 0;
                    boolean push = r.nextBoolean();
                    x.memForm(new int[] {push ? 0xFF : 0x8F}, push ? 6 : 0, 8);
                }
                case 3 -> { // call over a ret: call L; jmp end; L: ret
                    x.raw(toInts(X86Case.assemble((a, end) -> {
                        var l = a.newLabel();
                        a.call(l);
                        a.jmpShort(end);
                        a.bind(l);
                        a.ret();
                    })));
                }
                case 4 -> { // indirect call through a register
                    int reg = x.regNoSp();
                    x.raw(toInts(callThrough(reg)));
                }
                case 5 -> { // leave
                    x.s.gpr[5] = X86Gen.W + 64 + 8 * r.nextInt(8);
                    x.raw(0xC9);
                }
                case 6 -> { // enter imm16, level 0..3
                    x.s.gpr[5] = X86Gen.W + 200 + 8 * r.nextInt(4);
                    x.raw(0xC8);
                    x.imm(2, 8 * r.nextInt(4));
                    x.imm(1, r.nextInt(4));
                }
                default -> { // pushf / popf
                    if (r.nextBoolean()) {
                        x.raw(0x9C);
                    } else {
                        x.raw(0x9D);
                        long[] w = new long[] {r.nextLong() & 0xCD5 | 0x202};
                        int off = (int) (x.s.gpr[4] - X86Gen.W);
                        for (int k = 0; k < 8; k++) {
                            x.s.mem[off + k] = (byte) (w[0] >>> (8 * k));
                        }
                    }
                }
            }
            return of(x, "stack kind " + kind, ALL);
        }));
        // ---- string ops with and without REP, both directions
        g.add(new Group("string", r -> {
            X86Gen x = new X86Gen(r).flags(true);
            int op = new int[] {0xA4, 0xA6, 0xAA, 0xAC, 0xAE}[r.nextInt(5)] | r.nextInt(2);
            x.size((op & 1) == 0);
            int rep = r.nextInt(3);
            boolean a32 = r.nextInt(5) == 0;
            if (a32) {
                x.raw(0x67); // ESI, EDI, ECX
            }
            if (rep == 1) {
                x.raw(0xF3);
            } else if (rep == 2) {
                x.raw(0xF2);
            }
            x.prefixes(0, 0, 0);
            x.raw(op);
            x.s.gpr[6] = X86Gen.W + 96 + r.nextInt(64);
            x.s.gpr[7] = X86Gen.W + 96 + r.nextInt(64);
            // counts around the unrolling factor (8); with 67 only ECX counts
            x.s.gpr[1] = r.nextInt(13) | (a32 ? r.nextLong() << 32 : 0);
            if (a32) {
                x.s.gpr[6] |= r.nextLong() << 32;
                x.s.gpr[7] |= r.nextLong() << 32;
            }
            if (r.nextBoolean()) {
                // equal runs, so REPE/REPNE stop for the right reason
                for (int k = 96; k < 224; k++) {
                    x.s.mem[k] = (byte) (k % 3 == 0 ? 1 : 0);
                }
            }
            return of(x, "string " + Integer.toHexString(op) + " rep " + rep + " size " + x.size, ALL);
        }));
    }
}
