package dev.emu.x86.decode;

import dev.emu.core.decode.HandlerSwitchSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link X86Handlers} is generated from the handler names of the opcode maps; this test
 * regenerates it and fails when the committed file is stale ({@code -Demu.regenerate=true}
 * rewrites it).
 */
class X86HandlersTest {
    static final Path DIR = Path.of("src/main/java/dev/emu/x86/decode");
    static final HandlerSwitchSource SOURCE = new HandlerSwitchSource("dev.emu.x86.decode", "X86Handlers", "Handler",
            "void lift(LiftContext c, X86Insn i)", "c, i", "dev.emu.x86.lift",
            List.of("dev.emu.x86.lift.Handler", "dev.emu.x86.lift.LiftContext"),
            "X86HandlersTest from the opcode maps (mvn test -pl isa-x86_64 -Dtest=X86HandlersTest -Demu.regenerate=true)");

    static List<String> handlerNames() throws IOException {
        return HandlerSwitchSource.handlersIn(List.of(DIR.resolve("OneByteMap.java"), DIR.resolve("TwoByteMap.java"),
                DIR.resolve("SseRows.java"), DIR.resolve("ThreeByteMaps.java")));
    }

    @Test
    void generatedHandlersAreCurrent() throws IOException {
        SOURCE.requireCurrent(DIR.resolve("X86Handlers.java"), handlerNames());
    }
}
