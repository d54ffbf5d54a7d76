package org.yuqing.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * This service's own access token, by the OAuth2 client-credentials grant at the issuer's token endpoint, kept
 * until shortly before it expires. Used to read other services' event feeds.
 */
public class ServiceTokens {

    private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    private static final Duration WAIT_AFTER_FAILURE = Duration.ofSeconds(5);

    private final SecurityProperties.Client client;
    private final String clientId;
    private final Clock clock;
    private final RestClient http;

    private String token;
    private Instant renewAt = Instant.MIN;
    private Instant nextAttempt = Instant.MIN;

    /**
     * @param client   the credentials and token endpoint
     * @param clientId the client id to use
     * @param clock    the clock
     */
    public ServiceTokens(SecurityProperties.Client client, String clientId, Clock clock) {
        this.client = client;
        this.clientId = clientId;
        this.clock = clock;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory();
        factory.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    /** @return whether this service has client credentials to ask for a token with */
    public boolean configured() {
        return client.secret() != null && !client.secret().isBlank() && client.tokenUri() != null;
    }

    /** @return {@code Bearer <token>}, or {@code null} when no token can be had now (the caller retries later) */
    public synchronized String authorization() {
        if (!configured()) {
            return null;
        }
        Instant now = clock.instant();
        if (token != null && now.isBefore(renewAt)) {
            return "Bearer " + token;
        }
        if (now.isBefore(nextAttempt)) {
            return token == null ? null : "Bearer " + token;
        }
        try {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            JsonNode answer = http.post().uri(client.tokenUri())
                    .headers(h -> h.setBasicAuth(clientId, client.secret()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
            if (answer == null || !answer.path("access_token").isString()) {
                throw new IllegalStateException("no access_token in the answer");
            }
            token = answer.path("access_token").asString();
            long expiresIn = answer.path("expires_in").asLong(300);
            renewAt = now.plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY);
            return "Bearer " + token;
        } catch (RestClientException | IllegalStateException e) {
            nextAttempt = now.plus(WAIT_AFTER_FAILURE);
            log.warn("no service token from {} for client {}: {}", client.tokenUri(), clientId, e.getMessage());
            return token == null ? null : "Bearer " + token;
        }
    }
}
