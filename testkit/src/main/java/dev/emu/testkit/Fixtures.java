package dev.emu.testkit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where tests find the whole-program fixtures that {@code scripts/fixtures.sh} fetches:
 * Debian's busybox-static per guest architecture and the qemu-user-static binaries.
 *
 * <pre>
 *   &lt;fixtures&gt;/busybox/&lt;debian-arch&gt;/busybox     e.g. busybox/arm64/busybox
 *   &lt;fixtures&gt;/qemu/qemu-&lt;qemu-arch&gt;-static       e.g. qemu/qemu-aarch64-static
 * </pre>
 *
 * The fixture directory is, first found: system property {@code emu.fixtures}, environment
 * variable {@code EMU_FIXTURES}, else {@code .fixtures} at the repository root. A relative
 * path is taken from the repository root (as the script does). The root is system property
 * {@code emu.repoRoot} (the root pom's surefire configuration sets it) when that directory
 * holds the root pom, else the nearest directory above the working directory that does.
 *
 * <p>A missing fixture skips the test (a JUnit assumption) with the command that fetches it,
 * except under CI ({@code CI=true}), where it fails: CI runs the script first, so a missing
 * file there is a broken build, not an optional extra.
 */
public final class Fixtures {
    /** The Debian architectures the script fetches busybox-static for. */
    public static final List<String> BUSYBOX_ARCHES =
            List.of("amd64", "arm64", "armhf", "armel", "ppc64el", "s390x", "mipsel", "mips64el", "i386");

    /** What to run, from the repository root, to fetch every fixture. */
    public static final String FETCH_COMMAND = "bash scripts/fixtures.sh";

    /** Debian architecture to the qemu-user binary that runs it. */
    private static final Map<String, String> QEMU_ARCH = Map.of(
            "amd64", "x86_64",
            "arm64", "aarch64",
            "armhf", "arm",
            "armel", "arm",
            "ppc64el", "ppc64le",
            "s390x", "s390x",
            "mipsel", "mipsel",
            "mips64el", "mips64el",
            "i386", "i386");

    /** Only the root pom lists the modules (every module's pom names emu-parent as its parent). */
    private static final String ROOT_POM_MARKER = "<module>core</module>";

    private Fixtures() {
    }

    /** The repository root: the directory of the root pom. */
    public static Path repoRoot() {
        return findRepoRoot(System.getProperty("emu.repoRoot"), Path.of(System.getProperty("user.dir")));
    }

    /** The fixture cache directory (which may not exist yet). */
    public static Path dir() {
        return resolveDir(System::getProperty, System::getenv, repoRoot());
    }

    /** Whether this run is under CI, where missing fixtures fail instead of skipping. */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Where busybox for {@code debianArch} ("arm64", "armhf", ...) is, whether or not it is there yet. */
    public static Path busyboxPath(String debianArch) {
        if (!BUSYBOX_ARCHES.contains(debianArch)) {
            throw new IllegalArgumentException("no busybox fixture for '" + debianArch + "'; have " + BUSYBOX_ARCHES);
        }
        return dir().resolve("busybox").resolve(debianArch).resolve("busybox");
    }

    public static Optional<Path> findBusybox(String debianArch) {
        Path p = busyboxPath(debianArch);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** The busybox for {@code debianArch}; skips the calling test (fails it under CI) if it is missing. */
    public static Path busybox(String debianArch) {
        return require(busyboxPath(debianArch), "busybox-static for " + debianArch, isCi());
    }

    /** Where {@code qemu-<qemuArch>-static} is ("aarch64", "arm", "ppc64le", ...), whether or not it is there yet. */
    public static Path qemuPath(String qemuArch) {
        if (!qemuArch.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a qemu architecture name: '" + qemuArch + "'");
        }
        return dir().resolve("qemu").resolve("qemu-" + qemuArch + "-static");
    }

    /** {@code qemu-<qemuArch>-static}; skips the calling test (fails it under CI) if it is missing. */
    public static Path qemu(String qemuArch) {
        return require(qemuPath(qemuArch), "qemu-" + qemuArch + "-static", isCi());
    }

    /** The qemu-user architecture that runs Debian architecture {@code debianArch}: "arm64" gives "aarch64". */
    public static String qemuArch(String debianArch) {
        String q = QEMU_ARCH.get(debianArch);
        if (q == null) {
            throw new IllegalArgumentException("no qemu architecture known for '" + debianArch + "'");
        }
        return q;
    }

    // ---- the logic, with its inputs explicit so tests can drive it ---------------------------

    static Path require(Path path, String what, boolean ci) {
        if (Files.isRegularFile(path)) {
            return path;
        }
        String message = "fixture " + what + " not found at " + path + "; fetch it with `" + FETCH_COMMAND
                + "` at the repository root";
        if (ci) {
            Assertions.fail(message + " (CI=true: missing fixtures fail rather than skip)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    static Path resolveDir(UnaryOperator<String> property, UnaryOperator<String> env, Path root) {
        String configured = property.apply("emu.fixtures");
        if (configured == null || configured.isBlank()) {
            configured = env.apply("EMU_FIXTURES");
        }
        if (configured == null || configured.isBlank()) {
            return root.resolve(".fixtures");
        }
        return root.resolve(configured).normalize();
    }

    static Path findRepoRoot(String configured, Path workingDir) {
        if (configured != null && !configured.isBlank() && isRepoRoot(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = workingDir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (isRepoRoot(p)) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (the directory whose pom.xml lists the modules)"
                + " from " + configured + " or above " + workingDir + "; set -Demu.repoRoot=<dir>");
    }

    private static boolean isRepoRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            return Files.readString(pom).contains(ROOT_POM_MARKER);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + pom, e);
        }
    }
}
