package dev.emu.core.engine;

import dev.emu.core.cpu.CpuState;

/**
 * One translated block, interpreted or compiled. The contract every tier keeps:
 * <ul>
 * <li>{@code run} executes the block and returns the next guest pc, which it has also stored
 *     in the pc slot; it adds the guest instructions it completed to {@code icount} and
 *     stores the number of the exit it left by in {@code exitIndex}.</li>
 * <li>A TRAP terminator also sets {@code trap} and {@code trapDetail}.</li>
 * <li>A {@link dev.emu.core.mem.GuestFault} in instruction k leaves the registers as the
 *     first k-1 instructions left them, the pc slot naming instruction k, icount advanced by
 *     k-1, and propagates.</li>
 * </ul>
 */
public interface BlockCode {
    long run(CpuState state);
}
