package org.yuqing.gateway.identity;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who the caller is, answered by the gateway itself.
 */
@RestController
class CurrentUserController {

    private final UserDirectory directory;

    CurrentUserController(UserDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/me")
    Me me() {
        UserAccount account = directory.current()
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
        return new Me(account.login(), account.displayName(), account.units(), account.roles());
    }

    /**
     * The caller as the console shows them.
     *
     * @param login       login name
     * @param displayName display name
     * @param units       unit ids
     * @param roles       role names
     */
    record Me(String login, String displayName, List<String> units, List<String> roles) {
    }
}
