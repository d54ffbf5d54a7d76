package org.yuqing.casework.contacts;

import java.util.List;
import java.util.Objects;

/**
 * A person in the contact directory.
 *
 * @param login    the person's platform login (the key)
 * @param name     the name notices address them by, e.g. 张科长
 * @param units    the units whose notices reach them (at least one)
 * @param roles    the escalation roles they hold in those units, e.g. {@code ASSIGNEE}, {@code UNIT_HEAD},
 *                 {@code LEADER_IN_CHARGE} (the targets of the chain's {@code notify} steps)
 * @param email    their email address, or {@code null}
 * @param mobile   their mobile number (digits, optionally with a leading {@code +}), or {@code null}
 * @param channels the channels they are reached on: {@code EMAIL} and/or {@code SMS}, each only with its address
 */
public record PersonContact(String login, String name, List<String> units, List<String> roles, String email,
                            String mobile, List<String> channels) {

    /** The person channel that sends email. */
    public static final String EMAIL = "EMAIL";
    /** The person channel that sends a text message through the SMS gateway. */
    public static final String SMS = "SMS";

    public PersonContact {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(name, "name");
        units = List.copyOf(units);
        roles = List.copyOf(roles);
        channels = List.copyOf(channels);
    }

    /** Whether the person takes notices on {@code channel} and has the address it needs. */
    public boolean reachableOn(String channel) {
        return channels.contains(channel) && switch (channel) {
            case EMAIL -> email != null;
            case SMS -> mobile != null;
            default -> false;
        };
    }
}
