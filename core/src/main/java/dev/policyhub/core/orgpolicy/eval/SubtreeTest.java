package dev.policyhub.core.orgpolicy.eval;

/** Answers {@code under:} matching: is the resource named at the start of {@code candidate} inside {@code subtree}? */
@FunctionalInterface
public interface SubtreeTest {

    /** True if {@code candidate} (e.g. {@code projects/p1/global/networks/n}) lies in {@code subtree} ({@code folders/11}). */
    boolean isUnder(String candidate, String subtree);

    /** Textual matching only: the candidate equals the subtree or starts with it followed by {@code /}. */
    static SubtreeTest textual() {
        return (candidate, subtree) -> candidate.equals(subtree) || candidate.startsWith(subtree + "/");
    }
}
