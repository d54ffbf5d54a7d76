package org.yuqing.ui.account;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * The user's own identity at the gateway ({@code /api/identity/me}), as the current user. Every method throws
 * {@link GatewayCallException} when the gateway refuses or fails; a refusal carries the gateway's explanation.
 */
@Component
class AccountClient {

    private static final String ME = "/api/identity/me";

    private final GatewayApi api;

    AccountClient(GatewayApi api) {
        this.api = api;
    }

    Me me() {
        return api.get(ME, Map.of(), Me.class);
    }

    void changePassword(String currentPassword, String newPassword) {
        api.post(ME + "/password", new PasswordChange(currentPassword, newPassword));
    }

    /**
     * The answer of {@code GET /api/identity/me}.
     *
     * @param login     login name
     * @param name      display name
     * @param roles     role names
     * @param units     the user's own units (ids)
     * @param unitScope the units the user sees: their own and all below
     */
    record Me(String login, String name, List<String> roles, List<String> units, List<String> unitScope) {

        Me {
            roles = roles == null ? List.of() : List.copyOf(roles);
            units = units == null ? List.of() : List.copyOf(units);
            unitScope = unitScope == null ? List.of() : List.copyOf(unitScope);
        }
    }

    /** The body of {@code POST /api/identity/me/password}. */
    record PasswordChange(String currentPassword, String newPassword) {

        /** Never prints the passwords. */
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }
}
