package dev.emu.linux.abi;

import java.nio.ByteOrder;

/**
 * What every little-endian Linux ABI here shares: its ISA name, word size, syscall table and
 * struct layouts, held once instead of restated by each ABI.
 *
 * @param <S> the ABI's struct layouts (an ABI's own subclass when its signal frame needs one)
 */
public abstract class BaseLinuxAbi<S extends Structs> implements LinuxAbi {
    private final String isaName;
    private final int wordBits;
    private final SyscallTable table;
    protected final S structs;

    protected BaseLinuxAbi(String isaName, int wordBits, SyscallTable table, S structs) {
        this.isaName = isaName;
        this.wordBits = wordBits;
        this.table = table;
        this.structs = structs;
    }

    @Override
    public final String isaName() {
        return isaName;
    }

    @Override
    public final int wordBits() {
        return wordBits;
    }

    @Override
    public ByteOrder byteOrder() {
        return ByteOrder.LITTLE_ENDIAN;
    }

    @Override
    public final SyscallTable syscalls() {
        return table;
    }

    @Override
    public final Structs structs() {
        return structs;
    }
}
