package org.yuqing.ui.users;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * The user directory of the gateway ({@code /api/identity/users}), as the current user. Every method throws
 * {@link GatewayCallException} when the gateway refuses or fails; a refusal carries the directory's explanation.
 */
@Component
class UserClient {

    private static final String USERS = "/api/identity/users";
    private static final String USER = "/api/identity/users/{login}";

    private final GatewayApi api;

    UserClient(GatewayApi api) {
        this.api = api;
    }

    List<UserAccount> users() {
        return api.getList(USERS, UserAccount.class);
    }

    void create(NewUser user) {
        api.post(USERS, user);
    }

    void update(String login, Change change) {
        api.put(USER, change, login);
    }

    void resetPassword(String login, String newPassword) {
        api.post(USER + "/password", new PasswordReset(newPassword), login);
    }

    /** The body of {@code POST /api/identity/users}. */
    record NewUser(String login, String name, String password, List<String> units, List<String> roles) {
    }

    /** The body of {@code PUT /api/identity/users/{login}}. */
    record Change(String name, List<String> units, List<String> roles, boolean enabled) {
    }

    /** The body of {@code POST /api/identity/users/{login}/password}. */
    record PasswordReset(String newPassword) {
    }
}
