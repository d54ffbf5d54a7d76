package org.yuqing.grading.access;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One endpoint of the running service as its handler mapping declares it, e.g.
 * {@code POST /api/grading/incidents/{incidentId}/override}.
 *
 * @param method  the HTTP method
 * @param pattern the path pattern with its {@code {variables}}
 */
record Endpoint(String method, String pattern) implements Comparable<Endpoint> {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /**
     * Every endpoint of the business API and the event feed ({@code /api/**}, {@code /internal/**}) that the
     * running application maps, sorted.
     */
    static List<Endpoint> of(RequestMappingHandlerMapping mapping) {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<String> patterns = info.getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (!pattern.startsWith("/api/") && !pattern.startsWith("/internal/")) {
                    continue;
                }
                assertThat(methods).as("%s maps every HTTP method: name them, so the rules can", pattern).isNotEmpty();
                methods.forEach(m -> endpoints.add(new Endpoint(m.name(), pattern)));
            }
        }
        return new ArrayList<>(endpoints);
    }

    /** @return the path with every {@code {variable}} replaced by its value in {@code values} */
    String path(Map<String, String> values) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            assertThat(value).as("a value for {%s} of %s", m.group(1), this).isNotNull();
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** @return whether the path names a specific object ({@code {variables}}) */
    boolean hasVariables() {
        return pattern.contains("{");
    }

    @Override
    public int compareTo(Endpoint other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
