package org.yuqing.gateway.tokens;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.gateway.audit.AuditAction;
import org.yuqing.gateway.audit.AuditEvent;
import org.yuqing.gateway.audit.AuditLog;
import org.yuqing.gateway.audit.AuditedRequests;
import org.yuqing.gateway.protection.Problems;
import org.yuqing.security.Role;

/**
 * {@code POST /oauth2/token}: the OAuth2 client-credentials grant (RFC 6749 §4.4) for platform services and
 * crawlers. The client authenticates with HTTP Basic or with {@code client_id}/{@code client_secret} in the form;
 * errors follow §5.2. Neither the secret nor the token is ever logged.
 *
 * <p>Failed client authentications are throttled like logins ({@link ClientAttempts}, numbers of
 * {@code yuqing.gateway.login.*}): after {@code max-failures} failures of one client id within the failure window that
 * id is locked for {@code lock-duration}, and after {@code max-failures-per-client} failures from one address that
 * address is refused until its oldest failure leaves the window. A refused request gets 429 with {@code Retry-After}
 * and the error {@code slow_down} (RFC 6749 error JSON), before its secret is checked, and is audited.
 */
@RestController
class TokenEndpoint {

    static final String CLIENT_CREDENTIALS = "client_credentials";

    /** A token request is a few parameters; anything longer is not one. */
    private static final int MAX_FORM_BYTES = 8 * 1024;

    /** The error of a refused (throttled) request: RFC 8628's code for a client that must wait. */
    static final String SLOW_DOWN = "slow_down";

    private final ClientProperties clients;
    private final PasswordEncoder passwords;
    private final TokenIssuer issuer;
    private final ClientAttempts attempts;
    private final AuditLog audit;
    private final Clock clock;

    TokenEndpoint(ClientProperties clients, PasswordEncoder passwords, TokenIssuer issuer, ClientAttempts attempts,
                  AuditLog audit, Clock clock) {
        this.clients = clients;
        this.passwords = passwords;
        this.issuer = issuer;
        this.attempts = attempts;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping("/oauth2/token")
    ResponseEntity<?> token(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(
                MediaType.parseMediaType(contentType))) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "请求必须是 application/x-www-form-urlencoded 表单。");
        }
        String query = request.getQueryString();
        if (query != null && query.contains("client_secret")) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "client_secret 不得出现在 URL 中。");
        }
        MultiValueMap<String, String> form = formOf(request);
        String grantType = form.getFirst("grant_type");
        if (grantType == null || grantType.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "缺少 grant_type。");
        }
        if (!CLIENT_CREDENTIALS.equals(grantType)) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "只支持 client_credentials。");
        }
        Optional<String[]> basic = basicCredentials(request);
        String formId = form.getFirst("client_id");
        String formSecret = form.getFirst("client_secret");
        if (basic.isPresent() && (formSecret != null || (formId != null && !formId.equals(basic.get()[0])))) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "客户端认证方式只能用一种。");
        }
        String clientId = basic.map(credentials -> credentials[0]).orElse(formId);
        String secret = basic.map(credentials -> credentials[1]).orElse(formSecret);
        Optional<ResponseEntity<Map<String, Object>>> refused = refusal(request, clientId);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (clientId == null || clientId.isBlank() || secret == null) {
            return invalidClient(request, clientId, "no client credentials");
        }
        ClientProperties.Client client = clients.clients().get(clientId);
        if (client == null || !client.enabled()) {
            return invalidClient(request, clientId, "unknown or disabled client");
        }
        if (!passwords.matches(secret, client.secret())) {
            return invalidClient(request, clientId, "wrong secret");
        }
        List<String> roles = client.roles().stream()
                .map(role -> Role.parse(role).orElseThrow().name()).toList();
        attempts.clientSucceeded(clientId);
        IssuedToken token = issuer.mint(new TokenSubject(clientId, TokenSubject.CLIENT, clientId, roles, List.of(),
                List.of()));
        audit.record(new AuditEvent(clock.instant(), AuditAction.TOKEN_ISSUED, "SUCCESS", clientId,
                AuditedRequests.clientIp(request), request.getMethod(), request.getRequestURI(),
                "client token " + token.id() + " roles " + roles));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .contentType(MediaType.APPLICATION_JSON)
                .body(TokenAnswer.bearer(token, issuer.lifetime().toSeconds()));
    }

    /** A 429 before the secret is checked, when the address is throttled or the client id locked. */
    private Optional<ResponseEntity<Map<String, Object>>> refusal(HttpServletRequest request, String clientId) {
        String clientIp = AuditedRequests.clientIp(request);
        Optional<Duration> throttled = attempts.clientAddressThrottledFor(clientIp);
        Optional<Duration> locked = throttled.isPresent() ? Optional.empty() : attempts.clientLockedFor(clientId);
        if (throttled.isEmpty() && locked.isEmpty()) {
            return Optional.empty();
        }
        audit.record(new AuditEvent(clock.instant(), AuditAction.CLIENT_AUTH_REFUSED,
                throttled.isPresent() ? "CLIENT_THROTTLED" : "LOCKED", clientId, clientIp, request.getMethod(),
                request.getRequestURI(), throttled.isPresent()
                        ? "too many failed client authentications from this address"
                        : "client id locked after too many failed authentications"));
        ResponseEntity<Map<String, Object>> answer = error(HttpStatus.TOO_MANY_REQUESTS, SLOW_DOWN,
                throttled.isPresent() ? "客户端认证失败次数过多，请稍后再试。" : "该客户端认证失败次数过多，已临时锁定，请稍后再试。");
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(answer.getHeaders());
        headers.set(HttpHeaders.RETRY_AFTER,
                Long.toString(Problems.retryAfterSeconds(throttled.orElseGet(locked::get))));
        return Optional.of(new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode()));
    }

    private ResponseEntity<Map<String, Object>> invalidClient(HttpServletRequest request, String clientId,
                                                              String why) {
        String clientIp = AuditedRequests.clientIp(request);
        audit.record(new AuditEvent(clock.instant(), AuditAction.CLIENT_AUTH_FAILURE, "FAILURE", clientId,
                clientIp, request.getMethod(), request.getRequestURI(), why));
        if (attempts.clientFailed(clientId, clientIp)) {
            audit.record(new AuditEvent(clock.instant(), AuditAction.LOCKOUT, "LOCKED", clientId, clientIp,
                    request.getMethod(), request.getRequestURI(), "client: too many failed client authentications"));
        }
        ResponseEntity<Map<String, Object>> answer = error(HttpStatus.UNAUTHORIZED, "invalid_client",
                "客户端认证失败。");
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(answer.getHeaders());
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Yuqing\", charset=\"UTF-8\"");
        return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    /**
     * The form parameters of the body, and only of the body. Read from the body itself: the gateway's proxy
     * (Spring Cloud Gateway's {@code FormFilter}) turns form parameters back into the body for proxying and leaves
     * only the query's parameters visible as request parameters.
     */
    private static MultiValueMap<String, String> formOf(HttpServletRequest request) throws IOException {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
        if (body.length > MAX_FORM_BYTES) {
            return form;
        }
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = formDecoded(equals < 0 ? pair : pair.substring(0, equals));
            form.add(name, equals < 0 ? "" : formDecoded(pair.substring(equals + 1)));
        }
        return form;
    }

    /** The id and secret of an {@code Authorization: Basic} header, each form-url-decoded (RFC 6749 §2.3.1). */
    private static Optional<String[]> basicCredentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new String[] {formDecoded(decoded.substring(0, colon)),
                formDecoded(decoded.substring(colon + 1))});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String formDecoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
