package org.yuqing.casework.cases;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yuqing.security.TestTokens;

import java.util.List;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Who the tests' requests come from: every MockMvc request without an {@code Authorization} header gets a real
 * token (signed by {@link TestTokens}) of this caller, by default user {@code tester} with every person's role and
 * no unit. A test sets the units it works in with {@link #is}; {@link #anonymous()} sends no token at all.
 */
public final class TestCaller {

    /** The login of the default caller. */
    public static final String DEFAULT_LOGIN = "tester";

    private volatile String login = DEFAULT_LOGIN;
    private volatile List<String> units = List.of();

    /**
     * From now on, requests without their own token come from this user.
     *
     * @param login the user's login
     * @param units the user's units (also their scope)
     */
    public void is(String login, String... units) {
        this.login = login;
        this.units = List.of(units);
    }

    /** @return {@code Bearer …} of the current caller */
    public String bearer() {
        return bearer(login);
    }

    /**
     * @param user another login
     * @return {@code Bearer …} of {@code user} with every person's role and the current caller's units
     */
    public String bearer(String user) {
        return TestTokens.shared().user(user).units(units.toArray(String[]::new)).bearer();
    }

    /** @return a request post-processor that removes the default token: the request carries none */
    public static RequestPostProcessor anonymous() {
        return request -> {
            request.removeHeader(HttpHeaders.AUTHORIZATION);
            return request;
        };
    }

    /** Registers the caller and gives every MockMvc request its token unless the request names one. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        TestCaller testCaller() {
            return new TestCaller();
        }

        @Bean
        MockMvcBuilderCustomizer callerTokens(TestCaller caller) {
            return builder -> builder.defaultRequest(get("/").with(request -> {
                if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                    request.addHeader(HttpHeaders.AUTHORIZATION, caller.bearer());
                }
                return request;
            }));
        }
    }
}
