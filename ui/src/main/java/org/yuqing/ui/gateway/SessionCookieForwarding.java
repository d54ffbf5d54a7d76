package org.yuqing.ui.gateway;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import jakarta.servlet.http.Cookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sends the browser's gateway session cookie with each API call, so the gateway authenticates the call as the user
 * who clicked. Only that one cookie leaves the console.
 */
final class SessionCookieForwarding implements ClientHttpRequestInterceptor {

    private final String cookieName;
    private final Supplier<Optional<String>> sessionId;

    SessionCookieForwarding(String cookieName, Supplier<Optional<String>> sessionId) {
        this.cookieName = cookieName;
        this.sessionId = sessionId;
    }

    /** The cookie's value on the Vaadin request being handled on this thread, if any. */
    static Supplier<Optional<String>> fromCurrentVaadinRequest(String cookieName) {
        return () -> {
            VaadinRequest request = VaadinService.getCurrentRequest();
            Cookie[] cookies = request == null ? null : request.getCookies();
            if (cookies == null) {
                return Optional.empty();
            }
            return Arrays.stream(cookies)
                    .filter(cookie -> cookieName.equals(cookie.getName()))
                    .map(Cookie::getValue)
                    .findFirst();
        };
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        sessionId.get().ifPresent(id -> request.getHeaders().set(HttpHeaders.COOKIE, cookieName + "=" + id));
        return execution.execute(request, body);
    }
}
