package dev.policyhub.http.pulumi.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An OpenAPI path template such as {@code /api/orgs/{orgName}/policygroups}; a parameter stands for part of one segment. */
final class PathTemplate {
    private static final Pattern PARAMETER = Pattern.compile("\\{[^/{}]+}");

    private final String text;
    private final List<Pattern> segments = new ArrayList<>();
    private final List<Boolean> literal = new ArrayList<>();

    /** Parses {@code text}, which starts with {@code /}. */
    PathTemplate(String text) {
        this.text = text;
        for (String segment : text.substring(1).split("/", -1)) {
            segments.add(segmentPattern(segment));
            literal.add(segment.indexOf('{') < 0);
        }
    }

    /** The template as written in its document. */
    String text() {
        return text;
    }

    /** Whether the template has the path parameter {@code name}. */
    boolean hasParameter(String name) {
        return text.contains("{" + name + "}");
    }

    /** Whether {@code rawPath} (escapes kept, no query) matches, segment by segment. */
    boolean matches(String rawPath) {
        String[] parts = rawPath.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (!segments.get(i).matcher(parts[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Negative when this template is the more specific one: the first segment where one is literal decides. */
    int compareSpecificity(PathTemplate other) {
        for (int i = 0; i < Math.min(literal.size(), other.literal.size()); i++) {
            if (!literal.get(i).equals(other.literal.get(i))) {
                return literal.get(i) ? -1 : 1;
            }
        }
        return 0;
    }

    private static Pattern segmentPattern(String segment) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(segment);
        int end = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(segment.substring(end, parameter.start()))).append("[^/]+");
            end = parameter.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(segment.substring(end))).toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
