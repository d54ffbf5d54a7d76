package org.yuqing.ui.gateway;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sends the user's bearer token, as the gateway relayed it to the console, with each API call, so every service
 * authorises the call as the user who clicked. Nothing else of the browser's request leaves the console.
 */
final class BearerForwarding implements ClientHttpRequestInterceptor {

    private final Supplier<Optional<String>> authorization;

    BearerForwarding(Supplier<Optional<String>> authorization) {
        this.authorization = authorization;
    }

    /** The {@code Authorization: Bearer …} value of the Vaadin request being handled on this thread, if any. */
    static Supplier<Optional<String>> fromCurrentVaadinRequest() {
        return () -> {
            VaadinRequest request = VaadinService.getCurrentRequest();
            String value = request == null ? null : request.getHeader(HttpHeaders.AUTHORIZATION);
            return Optional.ofNullable(value).filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7));
        };
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        authorization.get().ifPresent(value -> request.getHeaders().set(HttpHeaders.AUTHORIZATION, value));
        return execution.execute(request, body);
    }
}
