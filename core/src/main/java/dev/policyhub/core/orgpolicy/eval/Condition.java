package dev.policyhub.core.orgpolicy.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed tag condition: {@code resource.matchTag}, {@code matchTagId}, {@code hasTagKey} and {@code hasTagKeyId}
 * calls joined by {@code &&} (binding tighter) and {@code ||}, with parentheses.
 */
public sealed interface Condition permits Condition.Call, Condition.And, Condition.Or {

    /** True if the condition holds for these tags; every tag that satisfied a call is added to {@code matched}. */
    boolean evaluate(List<TagFact> tags, List<TagFact> matched);

    /** Number of function calls. */
    int calls();

    /** Parses an expression; throws {@link ConditionSyntaxException} saying what is wrong. */
    static Condition parse(String expression) {
        return new ConditionParser(expression).parse();
    }

    /** The four tag functions. */
    enum Function {
        MATCH_TAG("matchTag", 2),
        MATCH_TAG_ID("matchTagId", 2),
        HAS_TAG_KEY("hasTagKey", 1),
        HAS_TAG_KEY_ID("hasTagKeyId", 1);

        private final String spelling;
        private final int arity;

        Function(String spelling, int arity) {
            this.spelling = spelling;
            this.arity = arity;
        }

        /** The name as written after {@code resource.}. */
        public String spelling() {
            return spelling;
        }

        /** Number of string arguments. */
        public int arity() {
            return arity;
        }
    }

    /** One function call with its string arguments. */
    record Call(Function function, List<String> arguments) implements Condition {
        public Call {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
        }

        @Override
        public boolean evaluate(List<TagFact> tags, List<TagFact> matched) {
            List<TagFact> hits = new ArrayList<>();
            for (TagFact tag : tags) {
                if (matches(tag)) {
                    hits.add(tag);
                }
            }
            matched.addAll(hits);
            return !hits.isEmpty();
        }

        private boolean matches(TagFact tag) {
            String first = arguments.get(0);
            return switch (function) {
                case MATCH_TAG -> tag.keyNamespacedName().equals(first) && tag.valueShortName().equals(arguments.get(1));
                case MATCH_TAG_ID -> ("tagKeys/" + tag.keyId()).equals(first)
                        && ("tagValues/" + tag.valueId()).equals(arguments.get(1));
                case HAS_TAG_KEY -> tag.keyNamespacedName().equals(first);
                case HAS_TAG_KEY_ID -> ("tagKeys/" + tag.keyId()).equals(first);
            };
        }

        @Override
        public int calls() {
            return 1;
        }
    }

    /** Both sides hold. */
    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean evaluate(List<TagFact> tags, List<TagFact> matched) {
            List<TagFact> local = new ArrayList<>();
            boolean result = left.evaluate(tags, local) && right.evaluate(tags, local);
            if (result) {
                matched.addAll(local);
            }
            return result;
        }

        @Override
        public int calls() {
            return left.calls() + right.calls();
        }
    }

    /** Either side holds. */
    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean evaluate(List<TagFact> tags, List<TagFact> matched) {
            List<TagFact> local = new ArrayList<>();
            boolean l = left.evaluate(tags, local);
            boolean r = right.evaluate(tags, local);
            if (l || r) {
                matched.addAll(local);
            }
            return l || r;
        }

        @Override
        public int calls() {
            return left.calls() + right.calls();
        }
    }
}
