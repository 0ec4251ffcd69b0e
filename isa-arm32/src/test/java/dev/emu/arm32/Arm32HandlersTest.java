package dev.emu.arm32;

import dev.emu.core.decode.HandlerSwitchSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link Arm32Handlers} is generated from the handler names of the A32, Thumb and VFP rows;
 * this test regenerates it and fails when the committed file is stale
 * ({@code -Demu.regenerate=true} rewrites it).
 */
class Arm32HandlersTest {
    static final Path DIR = Path.of("src/main/java/dev/emu/arm32");
    static final HandlerSwitchSource SOURCE = new HandlerSwitchSource("dev.emu.arm32", "Arm32Handlers", "Handler",
            "void lift(LiftContext c, Fields f)", "c, f", "dev.emu.arm32.lift",
            List.of("dev.emu.arm32.lift.Handler", "dev.emu.arm32.lift.LiftContext", "dev.emu.arm32.lift.Fields"),
            "Arm32HandlersTest from A32Decoder, T32Decoder and VfpDecoder"
                    + " (mvn test -pl isa-arm32 -Dtest=Arm32HandlersTest -Demu.regenerate=true)");

    static List<String> handlerNames() throws IOException {
        return HandlerSwitchSource.handlersIn(List.of(DIR.resolve("A32Decoder.java"), DIR.resolve("T32Decoder.java"),
                DIR.resolve("VfpDecoder.java")));
    }

    @Test
    void generatedHandlersAreCurrent() throws IOException {
        SOURCE.requireCurrent(DIR.resolve("Arm32Handlers.java"), handlerNames());
    }
}
