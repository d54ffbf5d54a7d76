package org.yuqing.gateway.tokens;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What services need to trust the gateway's tokens, public: {@code GET /oauth2/jwks} (the public signing keys) and
 * {@code GET /.well-known/oauth-authorization-server} (RFC 8414 metadata).
 */
@RestController
class KeysController {

    private final SigningKeys keys;
    private final TokenProperties properties;

    KeysController(SigningKeys keys, TokenProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @GetMapping("/oauth2/jwks")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .contentType(MediaType.APPLICATION_JSON)
                .body(keys.publicKeys().toJSONObject(true));
    }

    @GetMapping("/.well-known/oauth-authorization-server")
    Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", properties.issuer());
        metadata.put("jwks_uri", properties.issuer() + "/oauth2/jwks");
        metadata.put("token_endpoint", properties.issuer() + "/oauth2/token");
        metadata.put("grant_types_supported", List.of(TokenEndpoint.CLIENT_CREDENTIALS));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        // No authorization endpoint: people log in at the gateway itself, machines use client credentials.
        metadata.put("response_types_supported", List.of());
        return metadata;
    }
}
