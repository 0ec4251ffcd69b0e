/**
 * Tiers 1 and 2: IR blocks, and loops of blocks, compiled to JVM bytecode with ASM.
 *
 * <p>{@link dev.emu.core.jit.BlockCompiler#compile} turns one {@link dev.emu.core.ir.Block}
 * into a hidden class implementing {@link dev.emu.core.engine.BlockCode}; the engine swaps
 * it in for the interpreter once the block is hot. The shape of the generated method:
 * <ul>
 * <li>Every register slot the block touches is loaded into a {@code long} local at entry;
 *     slots it writes are written back at each exit, before a helper that takes the
 *     CpuState (which then reloads them all), and in the fault handler. Unused loads and
 *     dead flag computations are C2's to remove.</li>
 * <li>IR temps are {@code int}/{@code long} locals, reused once a temp is dead (with only
 *     forward branches a temp lives from its definition to its last use in program order);
 *     constants are pushed at each use; a GET_REG whose register does not change before
 *     its last use is read from the register's local directly.</li>
 * <li>Simple ops are JVM instructions; the rest are one {@code invokestatic} into
 *     {@link dev.emu.core.rt.Ops}, the same code the interpreter runs, so the tiers cannot
 *     disagree on division by zero, float conversions or NaNs.</li>
 * <li>Every exit stores its target and exit number in two locals and jumps to one shared
 *     tail (write-back, pc, icount, exitIndex, return), which keeps the method small.</li>
 * <li>One {@code GuestFault} handler over the body: a local counts the INSN_STARTs passed
 *     and another holds the pc of the current one, so the handler writes back the registers
 *     (which hold what the completed instructions left, since lifters put an instruction's
 *     register writes after its last access that can fault), stores the faulting pc, adds
 *     the completed instructions to icount and rethrows.</li>
 * <li>A method over {@link dev.emu.core.jit.BlockCompiler#MAX_METHOD_BYTES} (HotSpot will
 *     not compile it) is split at guest-instruction boundaries that no temp or branch
 *     crosses into a chain of methods, each a tail call of the previous one outside its
 *     fault handler's range; if there is no such boundary the block stays interpreted.</li>
 * </ul>
 *
 * <p>Tier 2: {@link dev.emu.core.jit.RegionCompiler} compiles a region (a hot block, the
 * head, and the compiled blocks the engine reached from it along constant exits) into one
 * method. {@code Region} merges the blocks into one instruction stream with renumbered temps
 * (temps never cross blocks), and {@code BlockEmitter} emits it with three differences: an
 * exit whose constant target is a region block is a {@code goto} to that block, so a guest
 * loop is a JVM loop with guest registers in locals throughout; a backward {@code goto}
 * polls {@code CpuState.interruptRequested} and leaves the region when it is set; and the
 * instructions of blocks already left are kept in a {@code long} local added to icount at
 * exits, before state-touching helpers and in the fault handler. Exits that leave the
 * region number themselves across its blocks, so the engine caches a successor per region
 * exit as it does per block exit; an exit whose target is computed (a return) may compare
 * it with region blocks the engine expects there and jump to the one it equals. A region
 * that does not fit {@code RegionCompiler.MAX_REGION_BYTES} (kept well under HotSpot's
 * limits so that C2 still inlines the memory accessors into it) is refused; the engine
 * retries it with fewer blocks.
 *
 * <p>{@code BlockEmitter} does the frame, guest state and control flow;
 * {@code ValueEmitter} emits one op that computes a temp. The tests check the JIT against
 * {@link dev.emu.core.interp.IrInterpreter} op by op and on random blocks
 * ({@code dev.emu.core.ir.RandomBlocks} in the test sources).
 */
package dev.emu.core.jit;
