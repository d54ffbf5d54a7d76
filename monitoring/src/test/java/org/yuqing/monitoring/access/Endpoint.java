package org.yuqing.monitoring.access;

import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One endpoint of the running service, as its handler mapping declares it, e.g. {@code PUT /api/monitoring/topics/{id}}.
 *
 * @param method  the HTTP method
 * @param pattern the path pattern
 */
record Endpoint(HttpMethod method, String pattern) {

    /** Every endpoint of the business API and the event feed, from the running application, in a stable order. */
    static List<Endpoint> all(RequestMappingHandlerMapping mapping) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") && !pattern.startsWith("/internal/")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    throw new AssertionError(pattern + " answers every HTTP method: name the method in its mapping");
                }
                methods.forEach(m -> endpoints.add(new Endpoint(HttpMethod.valueOf(m.name()), pattern)));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    /** The path with every variable replaced by {@code id}. */
    String path(UUID id) {
        return pattern.replaceAll("\\{[^}]+}", id.toString());
    }

    /** Whether the path names an object ({@code {id}}). */
    boolean hasVariable() {
        return pattern.contains("{");
    }

    @Override
    public String toString() {
        return method.name() + " " + pattern;
    }
}
