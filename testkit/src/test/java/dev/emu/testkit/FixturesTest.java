package dev.emu.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixturesTest {
    private static final Path ROOT = Path.of("/repo");

    @Test
    void fixtureDirComesFromPropertyThenEnvironmentThenRepoRoot() {
        Map<String, String> props = Map.of("emu.fixtures", "/p");
        Map<String, String> env = Map.of("EMU_FIXTURES", "/e");
        assertThat(Fixtures.resolveDir(props::get, env::get, ROOT)).isEqualTo(Path.of("/p"));
        assertThat(Fixtures.resolveDir(k -> null, env::get, ROOT)).isEqualTo(Path.of("/e"));
        assertThat(Fixtures.resolveDir(k -> null, k -> null, ROOT)).isEqualTo(Path.of("/repo/.fixtures"));
        assertThat(Fixtures.resolveDir(k -> null, Map.of("EMU_FIXTURES", "cache/fx")::get, ROOT))
                .isEqualTo(Path.of("/repo/cache/fx"));
    }

    @Test
    void repoRootIsFoundFromTheSystemPropertyOrByWalkingUp(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("pom.xml"), "<project><modules><module>core</module></modules></project>");
        Path module = Files.createDirectories(tmp.resolve("testkit/src"));
        Files.writeString(tmp.resolve("testkit/pom.xml"), "<project><parent><artifactId>emu-parent</artifactId></parent></project>");
        assertThat(Fixtures.findRepoRoot(null, module)).isEqualTo(tmp);
        // A property naming a module directory (mvn run inside it) is not believed.
        assertThat(Fixtures.findRepoRoot(tmp.resolve("testkit").toString(), module)).isEqualTo(tmp);
        assertThat(Fixtures.findRepoRoot(tmp.toString(), Path.of("/"))).isEqualTo(tmp);
    }

    @Test
    void thisBuildsRepoRootHoldsTheFixtureScript() {
        assertThat(Fixtures.repoRoot().resolve("scripts/fixtures.sh")).isRegularFile();
    }

    @Test
    void missingFixtureSkipsLocallyAndFailsUnderCi(@TempDir Path tmp) {
        Path absent = tmp.resolve("busybox");
        assertThatThrownBy(() -> Fixtures.require(absent, "busybox-static for arm64", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("fixture busybox-static for arm64 not found at " + absent)
                .hasMessageContaining("bash scripts/fixtures.sh");
        assertThatThrownBy(() -> Fixtures.require(absent, "busybox-static for arm64", true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("bash scripts/fixtures.sh")
                .hasMessageContaining("CI=true");
    }

    @Test
    void presentFixtureIsReturned(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("busybox"), "x");
        assertThat(Fixtures.require(f, "busybox", true)).isEqualTo(f);
    }

    @Test
    void pathsFollowTheScriptsLayout() {
        assertThat(Fixtures.busyboxPath("arm64")).isEqualTo(Fixtures.dir().resolve("busybox/arm64/busybox"));
        assertThat(Fixtures.qemuPath("aarch64")).isEqualTo(Fixtures.dir().resolve("qemu/qemu-aarch64-static"));
        assertThat(Fixtures.qemuArch("armhf")).isEqualTo("arm");
        assertThat(Fixtures.qemuArch("ppc64el")).isEqualTo("ppc64le");
        assertThatThrownBy(() -> Fixtures.busyboxPath("sparc64")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fixtures.qemuPath("../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyBusyboxArchHasAQemuArch() {
        for (String arch : Fixtures.BUSYBOX_ARCHES) {
            assertThat(Fixtures.qemuArch(arch)).isNotBlank();
        }
    }
}
