/**
 * Differential testing of a CPU core against qemu-user, instruction class by instruction class.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link dev.emu.testkit.diff.DiffCase}: code under test plus the state it starts from;
 *     one implementation per ISA ({@link dev.emu.testkit.diff.a64.A64Case}).</li>
 * <li>{@link dev.emu.testkit.diff.DiffProgram}: turns a batch of cases into one static ELF
 *     (built with {@link dev.emu.testkit.elf.ElfWriter}) that loads each case's state, runs
 *     its code, writes the whole state to stdout, and goes on to the next case
 *     ({@link dev.emu.testkit.diff.a64.A64DiffProgram}).</li>
 * <li>{@link dev.emu.testkit.diff.DumpLayout} / {@link dev.emu.testkit.diff.DiffDump}: the
 *     named fields of a dump and their comparison.</li>
 * <li>{@link dev.emu.testkit.diff.GuestRunner}: runs an ELF and returns stdout, stderr and
 *     the exit status; {@link dev.emu.testkit.diff.QemuRunner} is the reference,
 *     {@link dev.emu.testkit.diff.InProcessRunner} adapts the emulator.</li>
 * <li>{@link dev.emu.testkit.diff.DiffCampaign}: N seeded cases of one class under both
 *     runners, compared dump by dump, giving a {@link dev.emu.testkit.diff.CampaignReport}.</li>
 * </ul>
 *
 * <h2>A campaign</h2>
 * <pre>{@code
 * // ADDS (shifted register), 64-bit: sf=1 op=0 S=1, shift LSL/LSR/ASR
 * DiffCampaign.of("ADDS_shift", A64DiffProgram.INSTANCE, r -> {
 *         A64State s = A64State.random(r, 64);          // random X/V/NZCV, a 64-byte window
 *         int rd = r.nextInt(32), rn = r.nextInt(32), rm = r.nextInt(32);
 *         int shift = r.nextInt(3), imm6 = r.nextInt(64);
 *         int word = 0xab000000 | shift << 22 | rm << 16 | imm6 << 10 | rn << 5 | rd;
 *         return new A64Case(word, s, "adds x" + rd + ", x" + rn + ", x" + rm + ", #" + imm6);
 *     })
 *     .run(new QemuRunner(Fixtures.qemu("aarch64")), emulatorRunner)
 *     .assertNoMismatches();
 * }</pre>
 * Registers that should address memory hold {@code A64DiffProgram.WINDOW + offset}; branchy
 * code is built with {@link dev.emu.testkit.diff.a64.A64Case#assemble} and its {@code end}
 * label; {@link dev.emu.testkit.diff.a64.A64DiffProgram#CATCHING_FAULTS} suits classes where
 * faults are common (decoding sweeps) and compares the state at the fault.
 *
 * <h2>Why batches, and what happens on a fault</h2>
 * Starting qemu costs about 10 ms, a case under qemu a fraction of that, so a program holds up
 * to 500 cases and writes one dump per case. A case that kills the program (SIGILL for an
 * unallocated encoding, SIGSEGV for a stray access) leaves the dumps before it; the campaign
 * compares those, judges the case by how each runner ended (the same signal on both sides is a
 * match), and runs the rest in a new program, smaller while faults are frequent.
 *
 * <h2>Adding an ISA</h2>
 * Write an encoder for the handful of instructions the prologue and epilogue need (as
 * {@link dev.emu.testkit.asm.A64Asm} does), a state class, a case record and a
 * {@code DiffProgram}: load every register the class can touch from a per-case block, run the
 * code, store everything to a dump buffer, {@code write(1, ...)}. Keep the scratch window at a
 * fixed address so a case gives the same dump alone or in any batch, and share the load/save
 * code between cases as subroutines so translators spend their time on the code under test.
 */
package dev.emu.testkit.diff;
