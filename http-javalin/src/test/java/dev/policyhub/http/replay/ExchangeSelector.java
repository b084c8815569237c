package dev.policyhub.http.replay;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which recorded exchanges something applies to: fixtures whose name matches {@code fixtures}, then either the listed
 * exchange numbers or every call with {@code method} ({@code *} = any) whose raw recorded URL matches {@code url}.
 */
public record ExchangeSelector(Pattern fixtures, Set<Integer> indices, String method, Pattern url) {
    /** Matches every fixture. */
    public static final String ANY_FIXTURE = ".*";

    public ExchangeSelector {
        indices = Set.copyOf(indices);
    }

    /** Calls of {@code method} ({@code *} = any) to URLs matching {@code urlRegex}, in fixtures matching the regex. */
    public static ExchangeSelector calls(String fixturesRegex, String method, String urlRegex) {
        return new ExchangeSelector(Pattern.compile(fixturesRegex), Set.of(), method, Pattern.compile(urlRegex));
    }

    /** The exchanges numbered {@code indices} (from 1, as in the log) of one fixture. */
    public static ExchangeSelector at(String fixture, int... indices) {
        return new ExchangeSelector(Pattern.compile(Pattern.quote(fixture)),
                Arrays.stream(indices).boxed().collect(Collectors.toSet()), "*", Pattern.compile(".*"));
    }

    /** True when this selects the exchange of that fixture. */
    public boolean selects(String fixture, RecordedExchange exchange) {
        return fixtures.matcher(fixture).matches()
                && (indices.isEmpty() || indices.contains(exchange.index()))
                && (method.equals("*") || method.equals(exchange.method()))
                && url.matcher(exchange.url()).matches();
    }

    @Override
    public String toString() {
        String which = indices.isEmpty() ? method + " " + url.pattern() : "exchanges " + indices.stream().sorted()
                .map(String::valueOf).collect(Collectors.joining(", "));
        return "fixtures " + fixtures.pattern() + ": " + which;
    }
}
