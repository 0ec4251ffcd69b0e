package dev.emu.core.toy;

import dev.emu.core.cpu.RegisterFile;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;
import dev.emu.core.isa.Isa;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.mem.GuestFault;

import java.nio.ByteOrder;

/**
 * A tiny fixed-width ISA that exercises the engine, the tiers and the embedding API
 * without a real core: the engine's tests and benchmarks run on it. Not registered as a
 * service, so no ELF file ever selects it. 32-bit little-endian
 * words: op = bits 31-24, a = 23-20, b = 19-16, imm = signed 16 bits (15-0). Registers
 * r0..r15 and pc.
 */
public final class ToyIsa implements Isa {
    public static final int ADDI = 0x01; // ra = rb + imm
    public static final int ADD = 0x02;  // ra = ra + rb
    public static final int LD = 0x03;   // ra = mem64[rb + imm]
    public static final int ST = 0x04;   // mem64[rb + imm] = ra
    public static final int BNE = 0x05;  // if ra != 0: pc += imm * 4
    public static final int SYS = 0x06;  // trap SYSCALL, resume at pc + 4
    public static final int JMP = 0x07;  // pc += imm * 4
    public static final int ST32 = 0x08; // mem32[rb + imm] = ra
    public static final int XADD = 0x09; // atomically: ra = mem64[rb]; mem64[rb] += imm
    public static final int CALL = 0x0A; // ra = pc + 4; pc += imm * 4
    public static final int JR = 0x0B;   // pc = ra

    private static final RegisterFile REGS;
    static {
        RegisterFile.Builder b = RegisterFile.builder();
        for (int i = 0; i < 16; i++) {
            b.add("r" + i, 64);
        }
        b.pc("pc", 64);
        REGS = b.build();
    }

    public static int enc(int op, int a, int b, int imm) {
        return op << 24 | a << 20 | b << 16 | (imm & 0xFFFF);
    }

    @Override public String name() { return "toy"; }
    @Override public ByteOrder byteOrder() { return ByteOrder.LITTLE_ENDIAN; }
    @Override public int addressBits() { return 64; }
    @Override public RegisterFile registers() { return REGS; }
    @Override public boolean matchesElf(int machine, int elfClass, boolean bigEndian, int flags) { return false; }

    @Override
    public Block lift(LiftRequest req) {
        IrBuilder b = new IrBuilder();
        long pc = req.pc();
        int n = 0;
        while (true) {
            int w;
            try {
                w = req.mem().fetch32le(pc);
            } catch (GuestFault f) {
                if (n == 0) {
                    throw f;
                }
                b.exit(pc);
                break;
            }
            b.insnStart(pc);
            n++;
            int op = w >>> 24, ra = (w >>> 20) & 0xF, rb = (w >>> 16) & 0xF;
            long imm = (short) w;
            long next = pc + 4;
            boolean end = false;
            switch (op) {
                case ADDI -> b.setReg(ra, b.add(b.getReg64(rb), b.c64(imm)));
                case ADD -> b.setReg(ra, b.add(b.getReg64(ra), b.getReg64(rb)));
                case LD -> b.setReg(ra, b.load(Type.I64, b.add(b.getReg64(rb), b.c64(imm)), 8, false, false));
                case ST -> b.store(b.add(b.getReg64(rb), b.c64(imm)), b.getReg64(ra), 8, false);
                case ST32 -> b.store(b.add(b.getReg64(rb), b.c64(imm)), b.trunc32(b.getReg64(ra)), 4, false);
                case XADD -> {
                    Value addr = b.getReg64(rb);
                    Value old = b.load(Type.I64, addr, 8, false, false);
                    Value seen = b.cas(addr, old, b.add(old, b.c64(imm)), 8, false);
                    // lost a race: run the instruction again
                    b.exitIf(b.cmpNe(seen, old), b.c64(pc));
                    b.setReg(ra, old);
                }
                case BNE -> {
                    Value taken = b.cmpNe(b.getReg64(ra), b.c64(0));
                    b.exitIf(taken, b.c64(pc + imm * 4));
                    b.exit(next);
                    end = true;
                }
                case JMP -> {
                    b.exit(pc + imm * 4);
                    end = true;
                }
                case CALL -> {
                    b.setReg(ra, b.c64(next));
                    b.exit(pc + imm * 4);
                    end = true;
                }
                case JR -> {
                    b.exit(b.getReg64(ra));
                    end = true;
                }
                case SYS -> {
                    b.trap(TrapKind.SYSCALL, next, imm);
                    end = true;
                }
                default -> {
                    b.trap(TrapKind.ILLEGAL_INSTRUCTION, pc, w & 0xFFFF_FFFFL);
                    end = true;
                }
            }
            pc = next;
            if (end) {
                break;
            }
            if (!req.mayContinue(pc, n)) {
                b.exit(pc);
                break;
            }
        }
        return b.build(req.pc(), pc, req.mode());
    }
}
