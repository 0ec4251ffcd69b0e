package dev.emu.linux.x86_64;

import dev.emu.linux.abi.GuestBuffer;
import dev.emu.linux.abi.Structs;
import dev.emu.linux.fs.FileStat;

import java.nio.ByteOrder;

/**
 * x86_64's own layouts (arch/x86/include/uapi/asm/stat.h): {@code struct stat} puts
 * st_nlink (a long) before st_mode and has a 144-byte size. Everything else x86_64 shares
 * with the asm-generic 64-bit layouts.
 */
final class X86_64Structs extends Structs {
    X86_64Structs() {
        super(64, ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public byte[] stat(FileStat s) {
        GuestBuffer b = buffer(144);
        b.u64(0, s.dev()).u64(8, s.ino()).u64(16, s.nlink()).u32(24, s.mode()).u32(28, s.uid())
                .u32(32, s.gid()).u64(40, s.rdev()).u64(48, s.size()).u64(56, s.blksize())
                .u64(64, s.blocks())
                .u64(72, s.atimeSec()).u64(80, s.atimeNsec())
                .u64(88, s.mtimeSec()).u64(96, s.mtimeNsec())
                .u64(104, s.ctimeSec()).u64(112, s.ctimeNsec());
        return b.bytes();
    }
}
