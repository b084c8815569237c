package dev.policyhub.storage.memory;

import java.util.ArrayList;
import java.util.List;

/** The undo log of a running write unit: one action per mutation, replayed newest first to roll back. */
final class Journal {
    private final List<Runnable> undos = new ArrayList<>();

    /** Remembers how to undo the mutation just made. */
    void record(Runnable undo) {
        undos.add(undo);
    }

    /** The current position, to roll back to later. */
    int mark() {
        return undos.size();
    }

    /** Undoes every mutation recorded after {@code mark}, newest first. */
    void rollbackTo(int mark) {
        for (int i = undos.size() - 1; i >= mark; i--) {
            undos.remove(i).run();
        }
    }
}
