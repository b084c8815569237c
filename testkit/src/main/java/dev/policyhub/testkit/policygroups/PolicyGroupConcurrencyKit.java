package dev.policyhub.testkit.policygroups;

import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.policygroups.NewInsightsAccount;
import dev.policyhub.core.policygroups.NewPolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.testkit.Concurrently;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent deltas on one group: add and remove operations sent at once by several
 * clients all land; the final membership is the serial result of the operations that succeeded, and the only
 * acceptable failure is E25's 409.
 */
public abstract class PolicyGroupConcurrencyKit extends PolicyGroupsKitBase {
    private static final int THREADS = 8;
    private static final int MEMBERS = 6;
    private static final String GROUP = "shared";
    private static final String PROJECT = "conc";

    /** For the concrete suites of each store. */
    protected PolicyGroupConcurrencyKit() {
    }

    /** One delta of one client: add or remove a stack or an account. */
    private record Op(Kind kind, String member) {
        PolicyGroupUpdate update() {
            switch (kind) {
                case ADD_STACK:
                    return change().withAddStack(new StackRef(PROJECT, member));
                case REMOVE_STACK:
                    return change().withRemoveStack(new StackRef(PROJECT, member));
                case ADD_ACCOUNT:
                    return change().withAddInsightsAccount(member);
                default:
                    return change().withRemoveInsightsAccount(member);
            }
        }

        void applyTo(TreeSet<StackRef> stacks, TreeSet<String> accounts) {
            switch (kind) {
                case ADD_STACK:
                    stacks.add(new StackRef(PROJECT, member));
                    break;
                case REMOVE_STACK:
                    stacks.remove(new StackRef(PROJECT, member));
                    break;
                case ADD_ACCOUNT:
                    accounts.add(member);
                    break;
                default:
                    accounts.remove(member);
                    break;
            }
        }
    }

    /** What an {@link Op} does. */
    private enum Kind { ADD_STACK, REMOVE_STACK, ADD_ACCOUNT, REMOVE_ACCOUNT }

    private static String stackName(int thread, String suffix) {
        return "t" + thread + "-" + suffix;
    }

    private static String accountName(int thread, String suffix) {
        return "conc-" + thread + "-" + suffix;
    }

    /**
     * Client {@code t}: adds its stacks and accounts 0..5, removes the ones it held before the race, then removes
     * its odd-numbered ones again; every member it touches is its own.
     */
    private static List<Op> opsOf(int t) {
        List<Op> ops = new ArrayList<>();
        for (int k = 0; k < MEMBERS; k++) {
            ops.add(new Op(Kind.ADD_STACK, stackName(t, Integer.toString(k))));
            ops.add(new Op(Kind.ADD_ACCOUNT, accountName(t, Integer.toString(k))));
        }
        ops.add(new Op(Kind.REMOVE_STACK, stackName(t, "pre")));
        ops.add(new Op(Kind.REMOVE_ACCOUNT, accountName(t, "pre")));
        for (int k = 1; k < MEMBERS; k += 2) {
            ops.add(new Op(Kind.REMOVE_STACK, stackName(t, Integer.toString(k))));
            ops.add(new Op(Kind.REMOVE_ACCOUNT, accountName(t, Integer.toString(k))));
        }
        return ops;
    }

    @Test
    @DisplayName("8 clients adding and removing their own stacks and accounts of one group at once: every delta lands")
    void concurrentDeltas() throws Exception {
        service.createPolicyGroup(ACME, NewPolicyGroup.of(GROUP, "stacks"));
        TreeSet<StackRef> expectedStacks = new TreeSet<>(
                Comparator.comparing(StackRef::routingProject).thenComparing(StackRef::name));
        TreeSet<String> expectedAccounts = new TreeSet<>();
        List<StackRef> before = new ArrayList<>();
        List<String> beforeAccounts = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            for (int k = 0; k < MEMBERS; k++) {
                service.createStack(ACME, PROJECT, stackName(t, Integer.toString(k)), Optional.empty());
                service.createAccount(ACME, NewInsightsAccount.of(accountName(t, Integer.toString(k)), "aws",
                        ENVIRONMENT));
            }
            service.createStack(ACME, PROJECT, stackName(t, "pre"), Optional.empty());
            service.createAccount(ACME, NewInsightsAccount.of(accountName(t, "pre"), "aws", ENVIRONMENT));
            before.add(new StackRef(PROJECT, stackName(t, "pre")));
            beforeAccounts.add(accountName(t, "pre"));
        }
        update(GROUP, change().withStacks(before).withInsightsAccounts(beforeAccounts));
        expectedStacks.addAll(before);
        expectedAccounts.addAll(beforeAccounts);

        List<Callable<List<Boolean>>> clients = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Op> ops = opsOf(t);
            clients.add(() -> {
                List<Boolean> succeeded = new ArrayList<>();
                for (Op op : ops) {
                    try {
                        update(GROUP, op.update());
                        succeeded.add(true);
                    } catch (PolicyHubException e) {
                        if (status(e) != 409 || !"concurrent modification, retry".equals(e.getMessage())) {
                            throw e;
                        }
                        succeeded.add(false);
                    }
                }
                return succeeded;
            });
        }
        List<List<Boolean>> outcomes = Concurrently.run(clients);

        int successes = 0;
        for (int t = 0; t < THREADS; t++) {
            List<Op> ops = opsOf(t);
            for (int i = 0; i < ops.size(); i++) {
                if (outcomes.get(t).get(i)) {
                    ops.get(i).applyTo(expectedStacks, expectedAccounts);
                    successes++;
                }
            }
        }
        assertTrue(successes > 0, "at least one delta went through");
        PolicyGroup shared = group(GROUP);
        assertEquals(List.copyOf(expectedStacks), shared.stacks());
        assertEquals(List.copyOf(expectedAccounts), shared.accounts());
        assertEquals(List.of(), shared.appliedPolicyPacks());
    }
}
