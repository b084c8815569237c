package dev.policyhub.core.orgpolicy.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Recursive-descent parser of the tag-condition grammar. */
final class ConditionParser {
    static final int MAX_CALLS = 10;
    private static final Pattern NAMESPACED_KEY = Pattern.compile("[^/\\s]+/[^/\\s]+");
    private static final Pattern VALUE_SHORT_NAME = Pattern.compile("[^/]+");
    private static final Pattern TAG_KEY_ID = Pattern.compile("tagKeys/[0-9]+");
    private static final Pattern TAG_VALUE_ID = Pattern.compile("tagValues/[0-9]+");

    private final String text;
    private int pos;

    ConditionParser(String text) {
        this.text = text;
    }

    Condition parse() {
        skipSpace();
        if (pos == text.length()) {
            throw new ConditionSyntaxException("the condition expression is empty");
        }
        Condition condition = or();
        skipSpace();
        if (pos != text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        if (condition.calls() > MAX_CALLS) {
            throw new ConditionSyntaxException("a condition may use at most " + MAX_CALLS
                    + " tag functions; this one uses " + condition.calls());
        }
        return condition;
    }

    private Condition or() {
        Condition left = and();
        while (accept("||")) {
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = term();
        while (accept("&&")) {
            left = new Condition.And(left, term());
        }
        return left;
    }

    private Condition term() {
        if (accept("(")) {
            Condition inner = or();
            expect(")");
            return inner;
        }
        return call();
    }

    private Condition call() {
        skipSpace();
        if (!text.startsWith("resource", pos)) {
            throw error("expected a call of resource.matchTag, resource.matchTagId, resource.hasTagKey or"
                    + " resource.hasTagKeyId");
        }
        pos += "resource".length();
        expect(".");
        skipSpace();
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        Condition.Function function = null;
        for (Condition.Function f : Condition.Function.values()) {
            if (f.spelling().equals(name)) {
                function = f;
            }
        }
        if (function == null) {
            throw new ConditionSyntaxException("unknown function 'resource." + name + "'; use matchTag, matchTagId,"
                    + " hasTagKey or hasTagKeyId");
        }
        expect("(");
        List<String> args = new ArrayList<>();
        args.add(string());
        while (accept(",")) {
            args.add(string());
        }
        expect(")");
        if (args.size() != function.arity()) {
            throw new ConditionSyntaxException("resource." + name + " takes " + function.arity() + " argument"
                    + (function.arity() == 1 ? "" : "s") + ", not " + args.size());
        }
        checkArguments(function, args);
        return new Condition.Call(function, args);
    }

    private static void checkArguments(Condition.Function function, List<String> args) {
        switch (function) {
            case MATCH_TAG -> {
                require(NAMESPACED_KEY, args.get(0), "resource.matchTag's key must be a namespaced name"
                        + " '{organization id or project id}/{key short name}', not '" + args.get(0) + "'");
                require(VALUE_SHORT_NAME, args.get(1), "resource.matchTag's value must be a short name without '/',"
                        + " not '" + args.get(1) + "'");
            }
            case MATCH_TAG_ID -> {
                require(TAG_KEY_ID, args.get(0), "resource.matchTagId's key must be 'tagKeys/{digits}', not '"
                        + args.get(0) + "'");
                require(TAG_VALUE_ID, args.get(1), "resource.matchTagId's value must be 'tagValues/{digits}', not '"
                        + args.get(1) + "'");
            }
            case HAS_TAG_KEY -> require(NAMESPACED_KEY, args.get(0), "resource.hasTagKey's key must be a namespaced"
                    + " name '{organization id or project id}/{key short name}', not '" + args.get(0) + "'");
            case HAS_TAG_KEY_ID -> require(TAG_KEY_ID, args.get(0), "resource.hasTagKeyId's key must be"
                    + " 'tagKeys/{digits}', not '" + args.get(0) + "'");
        }
    }

    private static void require(Pattern pattern, String value, String message) {
        if (!pattern.matcher(value).matches()) {
            throw new ConditionSyntaxException(message);
        }
    }

    private String string() {
        skipSpace();
        if (pos >= text.length() || (text.charAt(pos) != '\'' && text.charAt(pos) != '"')) {
            throw error("expected a quoted string");
        }
        char quote = text.charAt(pos++);
        int end = text.indexOf(quote, pos);
        if (end < 0) {
            throw error("unterminated string");
        }
        String value = text.substring(pos, end);
        pos = end + 1;
        if (value.isEmpty()) {
            throw error("empty strings are not allowed");
        }
        return value;
    }

    private boolean accept(String token) {
        skipSpace();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw error("expected '" + token + "'");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ConditionSyntaxException error(String what) {
        return new ConditionSyntaxException(what + " at position " + pos + " of the condition expression");
    }
}
