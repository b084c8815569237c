package dev.policyhub.http.replay;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A textual edit applied to a fixture's exchanges (URL, headers, bodies) before the replay, to state what a value of
 * the log stands for: a literal id that is really the test organization, or a placeholder the log uses for two
 * different things.
 */
public record Rewrite(Pattern fixtures, Pattern text, String replacement, String reason) {
    public Rewrite {
        Objects.requireNonNull(fixtures, "fixtures");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(reason, "reason");
    }

    /** A literal number (not part of a longer number) replaced by a placeholder, in every fixture. */
    public static Rewrite number(String digits, String placeholder, String reason) {
        return new Rewrite(Pattern.compile(ExchangeSelector.ANY_FIXTURE),
                Pattern.compile("(?<![0-9])" + Pattern.quote(digits) + "(?![0-9])"), placeholder, reason);
    }

    /** Text matching {@code regex} replaced by {@code replacement} in fixtures matching {@code fixturesRegex}. */
    public static Rewrite text(String fixturesRegex, String regex, String replacement, String reason) {
        return new Rewrite(Pattern.compile(fixturesRegex), Pattern.compile(regex), replacement, reason);
    }

    /** Applies the edit to an exchange of {@code fixture} (unchanged when the fixture does not match). */
    public RecordedExchange apply(String fixture, RecordedExchange exchange) {
        if (!fixtures.matcher(fixture).matches()) {
            return exchange;
        }
        String quoted = Matcher.quoteReplacement(replacement);
        return exchange.mapText(s -> text.matcher(s).replaceAll(quoted));
    }

    /** True when the edit changes something in one of the exchanges of {@code fixture}. */
    public boolean changes(String fixture, RecordedExchange exchange) {
        return !apply(fixture, exchange).equals(exchange);
    }
}
