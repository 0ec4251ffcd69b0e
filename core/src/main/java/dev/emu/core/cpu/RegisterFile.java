package dev.emu.core.cpu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named slots of one ISA's {@link CpuState#regs}. A 128-bit register takes two
 * consecutive slots, low half first. The gdb stub, {@code -strace}, the embedding API and
 * the tests address registers by these names.
 */
public final class RegisterFile {
    /** One named register: {@code slot} is its first slot, {@code bits} 1..128. */
    public record Register(String name, int slot, int bits) {
        public int slots() {
            return bits > 64 ? 2 : 1;
        }
    }

    private final List<Register> registers;
    private final Map<String, Register> byName;
    private final int numSlots;
    private final int pcSlot;
    /**
     * The slots of the floating-point control register (rounding mode, flush-to-zero,
     * default NaN...) and of the one that accumulates exception flags, for FP helpers shared
     * between ISAs whose two registers have the same bit layout (AArch64's FPCR and FPSR,
     * AArch32's FPSCR, which is both in one slot); -1 when the ISA declared none.
     */
    public final int fpControlSlot, fpStatusSlot;

    private RegisterFile(List<Register> registers, int numSlots, int pcSlot, int fpControlSlot, int fpStatusSlot) {
        this.registers = Collections.unmodifiableList(registers);
        this.numSlots = numSlots;
        this.pcSlot = pcSlot;
        this.fpControlSlot = fpControlSlot;
        this.fpStatusSlot = fpStatusSlot;
        Map<String, Register> m = new LinkedHashMap<>();
        for (Register r : registers) {
            if (m.put(r.name(), r) != null) {
                throw new IllegalArgumentException("register " + r.name() + " declared twice");
            }
        }
        this.byName = Collections.unmodifiableMap(m);
    }

    public List<Register> registers() {
        return registers;
    }

    public int numSlots() {
        return numSlots;
    }

    public int pcSlot() {
        return pcSlot;
    }

    /** The register called {@code name} (case-insensitive), or null. */
    public Register find(String name) {
        Register r = byName.get(name);
        return r != null ? r : byName.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public Register get(String name) {
        Register r = find(name);
        if (r == null) {
            throw new IllegalArgumentException("no register named '" + name + "'; known: " + byName.keySet());
        }
        return r;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Declares registers in slot order. */
    public static final class Builder {
        private final List<Register> regs = new ArrayList<>();
        private int next;
        private int pc = -1;
        private int fpControl = -1, fpStatus = -1;

        /** Adds a register of {@code bits} (1..128) at the next free slot(s); returns its first slot. */
        public int add(String name, int bits) {
            if (bits < 1 || bits > 128) {
                throw new IllegalArgumentException(name + ": " + bits + " bits");
            }
            int slot = next;
            regs.add(new Register(name, slot, bits));
            next += bits > 64 ? 2 : 1;
            return slot;
        }

        /** Adds the program counter. */
        public int pc(String name, int bits) {
            pc = add(name, bits);
            return pc;
        }

        /** Names the FP control and status slots (they may be the same slot); see {@link RegisterFile#fpControlSlot}. */
        public Builder fpControlStatus(int controlSlot, int statusSlot) {
            fpControl = controlSlot;
            fpStatus = statusSlot;
            return this;
        }

        /** Another name for a register already declared (x86's "eip" view is not one: aliases share all bits). */
        public Builder alias(String name, int slot, int bits) {
            regs.add(new Register(name, slot, bits));
            return this;
        }

        public RegisterFile build() {
            if (pc < 0) {
                throw new IllegalStateException("no pc declared");
            }
            return new RegisterFile(regs, next, pc, fpControl, fpStatus);
        }
    }
}
