package dev.emu.testkit.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds {@code qemu-<arch>-static} for the tests of this module: skips the test when it is
 * missing, fails under CI=true. The lookup sits in one private method so it can be replaced by
 * {@code dev.emu.testkit.Fixtures.qemu(arch)} once that helper lands.
 */
public final class QemuBinaries {
    private QemuBinaries() {}

    /**
     * For the few qemu targets only this module's own tests use (aarch64_be, say), which the
     * fixture script need not fetch: skips when missing, even under CI.
     */
    public static Path optional(String qemuArch) {
        Path found = lookup(qemuArch);
        Assumptions.assumeTrue(found != null, "qemu-" + qemuArch + "-static not found (optional)");
        return found;
    }

    public static Path require(String qemuArch) {
        Path found = lookup(qemuArch);
        if (found == null) {
            String msg = "qemu-" + qemuArch + "-static not found in <repo>/.fixtures/qemu, $EMU_FIXTURES/qemu "
                    + "or /tmp/qemu-root/usr/bin";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(msg + " (CI=true: fixtures are required)");
            }
            Assumptions.abort(msg);
        }
        return found;
    }

    private static Path lookup(String qemuArch) {
        String name = "qemu-" + qemuArch + "-static";
        List<Path> dirs = new ArrayList<>();
        String root = System.getProperty("emu.repoRoot");
        if (root != null) {
            dirs.add(Path.of(root, ".fixtures", "qemu"));
        }
        String env = System.getenv("EMU_FIXTURES");
        if (env != null) {
            dirs.add(Path.of(env, "qemu"));
            dirs.add(Path.of(env));
        }
        dirs.add(Path.of("/tmp/qemu-root/usr/bin"));
        for (Path d : dirs) {
            Path p = d.resolve(name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
