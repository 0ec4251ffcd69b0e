package dev.emu.linux;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * errno values in the kernel's canonical (asm-generic, x86, arm, arm64) numbering. An ABI
 * whose numbers differ (mips, alpha, sparc) translates on the way out
 * ({@link dev.emu.linux.abi.LinuxAbi#errno}). Also maps Java I/O exceptions to errno.
 */
public final class Errno {
    public static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7,
            ENOEXEC = 8, EBADF = 9, ECHILD = 10, EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14,
            ENOTBLK = 15, EBUSY = 16, EEXIST = 17, EXDEV = 18, ENODEV = 19, ENOTDIR = 20, EISDIR = 21,
            EINVAL = 22, ENFILE = 23, EMFILE = 24, ENOTTY = 25, ETXTBSY = 26, EFBIG = 27, ENOSPC = 28,
            ESPIPE = 29, EROFS = 30, EMLINK = 31, EPIPE = 32, EDOM = 33, ERANGE = 34, EDEADLK = 35,
            ENAMETOOLONG = 36, ENOLCK = 37, ENOSYS = 38, ENOTEMPTY = 39, ELOOP = 40, ENODATA = 61,
            EOVERFLOW = 75, ENOTSOCK = 88, EOPNOTSUPP = 95, ETIMEDOUT = 110;

    private static final String[] NAMES = new String[134];
    private static final String[] MESSAGES = new String[134];

    static {
        def(EPERM, "EPERM", "Operation not permitted");
        def(ENOENT, "ENOENT", "No such file or directory");
        def(ESRCH, "ESRCH", "No such process");
        def(EINTR, "EINTR", "Interrupted system call");
        def(EIO, "EIO", "Input/output error");
        def(ENXIO, "ENXIO", "No such device or address");
        def(E2BIG, "E2BIG", "Argument list too long");
        def(ENOEXEC, "ENOEXEC", "Exec format error");
        def(EBADF, "EBADF", "Bad file descriptor");
        def(ECHILD, "ECHILD", "No child processes");
        def(EAGAIN, "EAGAIN", "Resource temporarily unavailable");
        def(ENOMEM, "ENOMEM", "Cannot allocate memory");
        def(EACCES, "EACCES", "Permission denied");
        def(EFAULT, "EFAULT", "Bad address");
        def(ENOTBLK, "ENOTBLK", "Block device required");
        def(EBUSY, "EBUSY", "Device or resource busy");
        def(EEXIST, "EEXIST", "File exists");
        def(EXDEV, "EXDEV", "Invalid cross-device link");
        def(ENODEV, "ENODEV", "No such device");
        def(ENOTDIR, "ENOTDIR", "Not a directory");
        def(EISDIR, "EISDIR", "Is a directory");
        def(EINVAL, "EINVAL", "Invalid argument");
        def(ENFILE, "ENFILE", "Too many open files in system");
        def(EMFILE, "EMFILE", "Too many open files");
        def(ENOTTY, "ENOTTY", "Inappropriate ioctl for device");
        def(ETXTBSY, "ETXTBSY", "Text file busy");
        def(EFBIG, "EFBIG", "File too large");
        def(ENOSPC, "ENOSPC", "No space left on device");
        def(ESPIPE, "ESPIPE", "Illegal seek");
        def(EROFS, "EROFS", "Read-only file system");
        def(EMLINK, "EMLINK", "Too many links");
        def(EPIPE, "EPIPE", "Broken pipe");
        def(EDOM, "EDOM", "Numerical argument out of domain");
        def(ERANGE, "ERANGE", "Numerical result out of range");
        def(EDEADLK, "EDEADLK", "Resource deadlock avoided");
        def(ENAMETOOLONG, "ENAMETOOLONG", "File name too long");
        def(ENOLCK, "ENOLCK", "No locks available");
        def(ENOSYS, "ENOSYS", "Function not implemented");
        def(ENOTEMPTY, "ENOTEMPTY", "Directory not empty");
        def(ELOOP, "ELOOP", "Too many levels of symbolic links");
        def(ENODATA, "ENODATA", "No data available");
        def(EOVERFLOW, "EOVERFLOW", "Value too large for defined data type");
        def(ENOTSOCK, "ENOTSOCK", "Socket operation on non-socket");
        def(EOPNOTSUPP, "EOPNOTSUPP", "Operation not supported");
        def(ETIMEDOUT, "ETIMEDOUT", "Connection timed out");
    }

    private Errno() {}

    private static void def(int n, String name, String msg) {
        NAMES[n] = name;
        MESSAGES[n] = msg;
    }

    public static String name(int errno) {
        return errno > 0 && errno < NAMES.length && NAMES[errno] != null ? NAMES[errno] : "E" + errno;
    }

    public static String message(int errno) {
        return errno > 0 && errno < MESSAGES.length && MESSAGES[errno] != null ? MESSAGES[errno] : "Unknown error " + errno;
    }

    /** True for a syscall result in [-4095, -1]. */
    public static boolean isError(long result) {
        return result < 0 && result >= -4095;
    }

    /** The errno a failed host file operation stands for. */
    public static int of(Throwable e) {
        if (e instanceof SyscallError se) {
            return se.errno;
        }
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return ENOENT;
        }
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return EACCES;
        }
        if (e instanceof FileAlreadyExistsException) {
            return EEXIST;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return ENOTEMPTY;
        }
        if (e instanceof NotDirectoryException) {
            return ENOTDIR;
        }
        if (e instanceof NotLinkException) {
            return EINVAL;
        }
        if (e instanceof FileSystemLoopException) {
            return ELOOP;
        }
        if (e instanceof ClosedChannelException) {
            return EBADF;
        }
        if (e instanceof NonReadableChannelException || e instanceof NonWritableChannelException) {
            return EBADF;
        }
        if (e instanceof UnsupportedOperationException) {
            return EOPNOTSUPP;
        }
        if (e instanceof FileSystemException fse) {
            String reason = fse.getReason();
            if (reason != null) {
                return fromReason(reason);
            }
            return EIO;
        }
        if (e instanceof IOException io && io.getMessage() != null) {
            return fromReason(io.getMessage());
        }
        return EIO;
    }

    /** The JDK passes strerror text through in FileSystemException reasons on Unix hosts. */
    private static int fromReason(String reason) {
        for (int i = 1; i < MESSAGES.length; i++) {
            if (MESSAGES[i] != null && reason.contains(MESSAGES[i])) {
                return i;
            }
        }
        if (reason.contains("Is a directory")) {
            return EISDIR;
        }
        if (reason.contains("Not a directory")) {
            return ENOTDIR;
        }
        return EIO;
    }
}
