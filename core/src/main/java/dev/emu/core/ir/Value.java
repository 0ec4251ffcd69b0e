package dev.emu.core.ir;

/** A typed temporary of one block, defined exactly once. */
public record Value(int id, Type type) {
    @Override
    public String toString() {
        return "t" + id + (type == Type.I32 ? ":i32" : ":i64");
    }
}
