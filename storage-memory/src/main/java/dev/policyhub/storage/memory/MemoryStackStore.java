package dev.policyhub.storage.memory;

import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.core.spi.StackStore;
import dev.policyhub.core.spi.Versioned;
import dev.policyhub.storage.memory.MemoryData.StackKey;

import java.util.List;
import java.util.Optional;

/** {@link StackStore} over a session's {@link MemoryData}; a stack is keyed by (org, project, name). */
final class MemoryStackStore implements StackStore {
    private final MemorySession session;

    MemoryStackStore(MemorySession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<Stack>> get(String org, String project, String stack) {
        return session.data().stacks.get(new StackKey(org, project, stack));
    }

    @Override
    public List<Versioned<Stack>> list(String org, StackRef after, int limit) {
        StackKey cursor = after == null
                ? new StackKey(org, null, null)
                : new StackKey(org, after.routingProject(), after.name());
        return session.data().stacks.after(cursor, key -> key.org().equals(org), limit);
    }

    @Override
    public boolean insert(Stack stack) {
        return session.data().stacks.insert(session.journal(), key(stack), stack);
    }

    @Override
    public boolean replace(Stack stack, long expectedVersion) {
        return session.data().stacks.replace(session.journal(), key(stack), stack, expectedVersion);
    }

    @Override
    public boolean delete(String org, String project, String stack, long expectedVersion) {
        return session.data().stacks.delete(session.journal(), new StackKey(org, project, stack), expectedVersion);
    }

    private static StackKey key(Stack stack) {
        return new StackKey(stack.org(), stack.project(), stack.name());
    }
}
