package dev.emu.linux.ppc64le;

/**
 * powerpc's tty and file ioctl numbers (asm/ioctls.h) to the generic ones the kernel layer
 * handles. powerpc encodes _IOC with 3 direction bits (none 1, read 2, write 4) and a 13-bit
 * size, and gives the termios calls their own 't' numbers; the 0x54xx numbers it kept are the
 * generic ones already.
 */
final class Ppc64Ioctls {
    private Ppc64Ioctls() {}

    private static int io(int type, int nr) {
        return 1 << 29 | type << 8 | nr;
    }

    private static int ior(int type, int nr, int size) {
        return 2 << 29 | size << 16 | type << 8 | nr;
    }

    private static int iow(int type, int nr, int size) {
        return 4 << 29 | size << 16 | type << 8 | nr;
    }

    private static final int TERMIOS = 44, WINSIZE = 8, INT = 4;

    /** {powerpc number, generic number} */
    private static final int[][] MAP = {
        {io('f', 1), 0x5451},           // FIOCLEX
        {io('f', 2), 0x5450},           // FIONCLEX
        {iow('f', 126, INT), 0x5421},   // FIONBIO
        {ior('f', 127, INT), 0x541b},   // FIONREAD
        {ior('t', 19, TERMIOS), 0x5401}, // TCGETS
        {iow('t', 20, TERMIOS), 0x5402}, // TCSETS
        {iow('t', 21, TERMIOS), 0x5403}, // TCSETSW
        {iow('t', 22, TERMIOS), 0x5404}, // TCSETSF
        {io('t', 29), 0x5409},          // TCSBRK
        {io('t', 30), 0x540a},          // TCXONC
        {io('t', 31), 0x540b},          // TCFLSH
        {iow('t', 103, WINSIZE), 0x5414}, // TIOCSWINSZ
        {ior('t', 104, WINSIZE), 0x5413}, // TIOCGWINSZ
        {iow('t', 118, INT), 0x5410},   // TIOCSPGRP
        {ior('t', 119, INT), 0x540f},   // TIOCGPGRP
    };

    static int toGeneric(int cmd) {
        for (int[] m : MAP) {
            if (m[0] == cmd) {
                return m[1];
            }
            if (m[1] == cmd) {
                return 0x7fff_ffff; // a generic number powerpc gave another meaning: unknown here
            }
        }
        return cmd;
    }
}
