package org.yuqing.gateway.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The users (用户目录) the gateway authenticates, read once from configuration. The security issue replaces it with a
 * managed directory.
 */
@Component
public class UserDirectory {

    private final Map<String, UserAccount> accounts;

    UserDirectory(IdentityProperties properties) {
        Map<String, UserAccount> byLogin = new LinkedHashMap<>();
        for (IdentityProperties.User user : properties.users()) {
            UserAccount account = new UserAccount(user.login(), user.displayName(), user.password(), user.units(),
                    user.roles());
            if (byLogin.putIfAbsent(account.login(), account) != null) {
                throw new IllegalArgumentException("user configured twice: " + account.login());
            }
        }
        this.accounts = Map.copyOf(byLogin);
    }

    /**
     * Finds a user by login name.
     *
     * @param login the login name, case-sensitive
     * @return the account, empty when unknown
     */
    public Optional<UserAccount> find(String login) {
        return Optional.ofNullable(login).map(accounts::get);
    }

    /**
     * The user authenticated on the current request thread.
     *
     * @return the account, empty when the request is anonymous
     */
    public Optional<UserAccount> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return find(authentication.getName());
    }
}
