package dev.emu.x86.diff;

import static dev.emu.x86.diff.X86Campaigns.ALL;
import static dev.emu.x86.diff.X86Campaigns.WINDOW_LIMIT;
import static dev.emu.x86.diff.X86Campaigns.emit;
import static dev.emu.x86.diff.X86Campaigns.of;
import static dev.emu.x86.diff.X86Campaigns.prefixed;
import static dev.emu.x86.diff.X86Campaigns.toInts;

import dev.emu.testkit.diff.x86.X86Case;
import dev.emu.x86.diff.X86Campaigns.Group;

import java.util.List;

/** Campaigns: conditions and branches, LOOP, prefixes, traps, NOP forms and XLAT, flag instructions. */
final class ControlCampaigns {
    private ControlCampaigns() {}

    static void add(List<Group> g) {
        // ---- CMOVcc, SETcc (reg and mem), Jcc rel8 / rel32 over a marker
        g.add(new Group("cmov_setcc_jcc", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int cc = r.nextInt(16);
            int kind = r.nextInt(3);
            boolean mem = r.nextBoolean();
            switch (kind) {
                case 0 -> {
                    x.size(false);
                    emit(x, new int[] {0x0F, 0x40 + cc}, x.reg(), mem);
                }
                case 1 -> {
                    x.size(true);
                    emit(x, new int[] {0x0F, 0x90 + cc}, 0, mem);
                }
                default -> {
                    boolean near = r.nextBoolean();
                    byte[] code = X86Case.assemble((a, end) -> {
                        if (near) {
                            a.jcc(dev.emu.testkit.asm.X86Asm.Cond.values()[cc], end);
                        } else {
                            a.jccShort(dev.emu.testkit.asm.X86Asm.Cond.values()[cc], end);
                        }
                        a.movImm32(0, 0x1234);
                    });
                    x.raw(toInts(code));
                }
            }
            return of(x, "cc " + cc + " kind " + kind, ALL);
        }));
        // ---- prefixes that change nothing (CS/DS/ES/SS overrides, repeated 66) on ALU ops
        g.add(new Group("prefixes", r -> prefixed(r, false)));
        // ---- a REX followed by a legacy prefix is ignored (SDM 2.2.1): so the host does;
        // qemu 7.2 still applies it, so this runs against the host only
        g.add(new Group("rex_voided", r -> prefixed(r, true), true));
        // ---- what traps: invalid-in-64-bit opcodes and UD2 (SIGILL), privileged ones
        // (SIGSEGV), INT3 (SIGTRAP), division by zero (SIGFPE); judged by the signal
        g.add(new Group("traps", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int[][] forms = {
                {0x06}, {0x07}, {0x0E}, {0x16}, {0x17}, {0x1E}, {0x1F}, {0x27}, {0x2F}, {0x37}, {0x3F},
                {0x60}, {0x61}, {0xD4, 0x0A}, {0xD5, 0x0A}, {0xD6}, {0x82, 0xC0, 0x01}, {0xCE},
                {0x0F, 0x0B}, {0xF4}, {0xFA}, {0xFB}, {0xEC}, {0xEE}, {0xE4, 0x60}, {0xCC},
                {0xF0, 0x01, 0xC0}, {0x8D, 0xC0}, {0xF7, 0xF1},
            };
            int[] f = forms[r.nextInt(forms.length)];
            x.raw(f);
            if (f[0] == 0xF7) {
                x.s.gpr[1] = 0; // div ecx by zero
            }
            return of(x, "trap", ALL);
        }));
        // ---- LOOP/LOOPE/LOOPNE/JRCXZ (with and without 67) over a marker
        g.add(new Group("loop_jrcxz", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int op = 0xE0 + r.nextInt(4);
            if (r.nextInt(4) == 0) {
                x.raw(0x67);
            }
            x.s.gpr[1] = new long[] {0, 1, 2, 0x1_0000_0000L, 0x1_0000_0001L, -1}[r.nextInt(6)];
            x.raw(op, 5, 0xB8, 0x34, 0x12, 0, 0); // loop .+7 over mov eax, 0x1234
            return of(x, "loop kind " + Integer.toHexString(op), ALL);
        }));
        // ---- NOP forms: 90, 66 90, F3 90, 0F 1F /0 (memory forms touch nothing), hint NOPs, ENDBR64, XLAT
        g.add(new Group("nops_xlat", r -> {
            X86Gen x = new X86Gen(r).flags(false);
            int kind = r.nextInt(6);
            switch (kind) {
                case 0 -> x.raw(new int[][] {{0x90}, {0x66, 0x90}, {0xF3, 0x90}, {0xF3, 0x0F, 0x1E, 0xFA}}[r.nextInt(4)]);
                case 1, 2 -> { // nop r/m with an arbitrary address: no access
                    x.size(false);
                    int m = r.nextInt(3) << 6 | r.nextInt(8) << 3 | r.nextInt(8);
                    x.prefixes(0, 0, 0);
                    x.raw(0x0F, kind == 1 ? 0x1F : 0x19 + r.nextInt(6), m);
                    int mod = m >> 6;
                    int sibBase = -1;
                    if ((m & 7) == 4 && mod != 3) {
                        int sib = r.nextInt(256);
                        sibBase = sib & 7;
                        x.raw(sib);
                    }
                    if (mod == 1) {
                        x.raw(r.nextInt(256));
                    } else if (mod == 2 || mod == 0 && ((m & 7) == 5 || sibBase == 5)) {
                        x.imm(4, r.nextInt());
                    }
                }
                default -> { // XLAT
                    x.s.gpr[3] = X86Gen.W + r.nextInt(WINDOW_LIMIT);
                    x.s.gpr[0] = x.s.gpr[0] & ~0xFFL | r.nextInt(256 - WINDOW_LIMIT);
                    x.raw(0xD7);
                }
            }
            return of(x, "nop/xlat kind " + kind, ALL);
        }));
        // ---- flag instructions: CLC STC CMC CLD STD LAHF SAHF
        g.add(new Group("flag_ops", r -> {
            X86Gen x = new X86Gen(r).flags(true);
            x.raw(new int[] {0xF8, 0xF9, 0xF5, 0xFC, 0xFD, 0x9F, 0x9E}[r.nextInt(7)]);
            return of(x, "flag op", ALL);
        }));
    }
}
