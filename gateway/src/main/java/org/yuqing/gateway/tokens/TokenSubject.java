package org.yuqing.gateway.tokens;

import java.util.List;
import java.util.Objects;

/**
 * Whom a token speaks for and what it grants: the claims of a platform token besides the times and ids.
 *
 * @param subject   the {@code sub}: a user's login or a client's id
 * @param kind      {@link #USER} or {@link #CLIENT}
 * @param name      the display name
 * @param roles     role names ({@link org.yuqing.security.Role})
 * @param units     the user's own units (empty for a client)
 * @param unitScope the user's units and every unit below them (empty for a client)
 */
public record TokenSubject(String subject, String kind, String name, List<String> roles, List<String> units,
                           List<String> unitScope) {

    /** The {@code kind} of a person's token. */
    public static final String USER = "user";

    /** The {@code kind} of a service's or crawler's token. */
    public static final String CLIENT = "client";

    /**
     * Checks the subject and kind and copies the lists.
     */
    public TokenSubject {
        Objects.requireNonNull(subject, "subject");
        if (!USER.equals(kind) && !CLIENT.equals(kind)) {
            throw new IllegalArgumentException("kind is user or client: " + kind);
        }
        name = name == null || name.isBlank() ? subject : name;
        roles = List.copyOf(roles);
        units = List.copyOf(units);
        unitScope = List.copyOf(unitScope);
    }
}
