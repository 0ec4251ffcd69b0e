package dev.emu.linux.abi;

import java.nio.ByteOrder;

/**
 * What every little-endian Linux ABI here shares: its ISA name, word size and struct layouts,
 * held once instead of restated by each ABI. The syscall table is each ABI's own
 * {@link #syscalls()}, built when first asked for: ServiceLoader makes every ABI listed before
 * the one a program needs, and their tables need not be parsed for that.
 *
 * @param <S> the ABI's struct layouts (an ABI's own subclass when its signal frame needs one)
 */
public abstract class BaseLinuxAbi<S extends Structs> implements LinuxAbi {
    private final String isaName;
    private final int wordBits;
    protected final S structs;

    protected BaseLinuxAbi(String isaName, int wordBits, S structs) {
        this.isaName = isaName;
        this.wordBits = wordBits;
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
    public final Structs structs() {
        return structs;
    }
}
