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
