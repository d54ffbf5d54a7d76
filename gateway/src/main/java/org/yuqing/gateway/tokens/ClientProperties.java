package org.yuqing.gateway.tokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.yuqing.security.Role;

/**
 * The OAuth2 clients (客户端) that may get a token by the client-credentials grant,
 * {@code yuqing.gateway.clients.<id>.secret} and {@code .roles}; from the environment, e.g.
 * {@code YUQING_GATEWAY_CLIENTS_MONITORING_SECRET}.
 *
 * @param clients the clients by id
 */
@ConfigurationProperties("yuqing.gateway")
record ClientProperties(Map<String, Client> clients) {

    ClientProperties {
        Map<String, Client> copy = new LinkedHashMap<>();
        if (clients != null) {
            clients.forEach((id, client) -> {
                if (client != null) {
                    client.roles().forEach(role -> Role.parse(role).orElseThrow(() -> new IllegalArgumentException(
                            "yuqing.gateway.clients." + id + ".roles: unknown role " + role)));
                    if (client.enabled() && !client.secret().matches("\\{[^}]+}.*")) {
                        // Never echo the secret itself.
                        throw new IllegalArgumentException("yuqing.gateway.clients." + id
                                + ".secret must name its encoder, e.g. {noop}... or {bcrypt}...");
                    }
                    copy.put(id, client);
                }
            });
        }
        clients = Map.copyOf(copy);
    }

    /**
     * One client.
     *
     * @param secret its secret in {@code DelegatingPasswordEncoder} form ({@code {noop}…}, {@code {bcrypt}…}); empty
     *               disables the client
     * @param roles  the roles its tokens carry, e.g. {@code SERVICE} for platform services, {@code INGEST} for
     *               crawlers
     */
    record Client(String secret, List<String> roles) {

        Client {
            secret = secret == null ? "" : secret.trim();
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        boolean enabled() {
            return !secret.isEmpty();
        }

        /** Hides the secret. */
        @Override
        public String toString() {
            return "Client[roles=" + roles + "]";
        }
    }
}
