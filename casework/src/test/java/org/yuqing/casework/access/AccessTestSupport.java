package org.yuqing.casework.access;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yuqing.casework.cases.CaseworkIntegrationTest;
import org.yuqing.casework.cases.TestCaller;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.TestTokens;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running casework service for the access tests (one shared context), and its endpoints as the service itself
 * lists them, so an endpoint added later cannot escape the tests.
 */
@CaseworkIntegrationTest
abstract class AccessTestSupport {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        StackTestProperties.postgres(r);
        TestTokens.shared().register(r);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    /** @return every endpoint of the service as {@code METHOD /pattern}; a mapping without a method counts as GET */
    SortedSet<String> endpoints() {
        SortedSet<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : handlers.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("GET " + pattern);
                }
                methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
            }
        }
        return endpoints;
    }

    /** @return whether the endpoint's path names an object ({@code {id}}) */
    static boolean namesAnObject(String endpoint) {
        return VARIABLE.matcher(endpoint).find();
    }

    /**
     * Calls an endpoint.
     *
     * @param endpoint      {@code METHOD /pattern}
     * @param id            the value for the path variable, if the pattern has one
     * @param query         a query string without {@code ?}, or {@code null}
     * @param body          a JSON body for POST and PUT, or {@code null} for {@code {}}; for an upload the file's text
     * @param authorization the {@code Authorization} header, or {@code null} for none at all
     */
    MvcTestResult call(String endpoint, Object id, String query, String body, String authorization) {
        String[] parts = endpoint.split(" ", 2);
        String path = VARIABLE.matcher(parts[1]).replaceAll(Matcher.quoteReplacement(String.valueOf(id)));
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        var request = mvc.method(method).uri(path + (query == null ? "" : "?" + query));
        if (method == HttpMethod.POST && path.endsWith("/attachments")) {
            // Uploads are multipart: a small valid file, so that only roles and scope can refuse.
            var upload = request.multipart().file(new MockMultipartFile("file", "通报.txt", MediaType.TEXT_PLAIN_VALUE,
                    (body == null ? "附件" : body).getBytes(StandardCharsets.UTF_8)));
            upload = authorization == null
                    ? upload.with(TestCaller.anonymous())
                    : upload.header(HttpHeaders.AUTHORIZATION, authorization);
            return upload.exchange();
        }
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body == null ? "{}" : body);
        }
        request = authorization == null
                ? request.with(TestCaller.anonymous())
                : request.header(HttpHeaders.AUTHORIZATION, authorization);
        return request.exchange();
    }
}
