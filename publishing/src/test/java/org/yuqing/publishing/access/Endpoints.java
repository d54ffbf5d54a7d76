package org.yuqing.publishing.access;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoints the running service actually serves, read from its {@link RequestMappingHandlerMapping}, so a new
 * endpoint shows up in the access tests without anybody remembering to add it.
 */
final class Endpoints {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private Endpoints() {
    }

    /**
     * One method and path pattern; {@code method} is {@code *} for a mapping that takes every method.
     *
     * @param method  an HTTP method name or {@code *}
     * @param pattern the path pattern, e.g. {@code /api/publishing/statements/{id}}
     */
    record Endpoint(String method, String pattern) {

        /** As the expected tables of the tests spell it, e.g. {@code POST /api/publishing/statements/{id}/publish}. */
        String key() {
            return method + " " + pattern;
        }

        /** Whether the pattern has path variables (it addresses one object). */
        boolean addressesAnObject() {
            return VARIABLE.matcher(pattern).find();
        }

        /** The path with each variable replaced by its value in {@code values}. */
        String path(Map<String, String> values) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new AssertionError("no value for {" + m.group(1) + "} of " + key());
                }
                m.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            m.appendTail(path);
            return path.toString();
        }

        /** The concrete method to call ({@code GET} for a mapping of every method). */
        String callMethod() {
            return "*".equals(method) ? "GET" : method;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** Every endpoint of the application's controllers, sorted by path then method. */
    static List<Endpoint> of(ApplicationContext context) {
        RequestMappingHandlerMapping mapping =
                context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<Endpoint> endpoints = new TreeSet<>(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint("*", pattern));
                }
                for (RequestMethod method : methods) {
                    endpoints.add(new Endpoint(method.name(), pattern));
                }
            }
        }
        return new ArrayList<>(endpoints);
    }
}
