package dev.emu.core.ir;

/** A forward branch target inside one block. */
public final class Label {
    final int id;
    int position = -1;

    Label(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** Index of the LABEL instruction in the block, or -1 while it is not placed. */
    public int position() {
        return position;
    }

    @Override
    public String toString() {
        return "L" + id;
    }
}
