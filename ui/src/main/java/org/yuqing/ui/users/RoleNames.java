package org.yuqing.ui.users;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.yuqing.security.Role;
import org.yuqing.ui.i18n.ConsoleLocales;

/**
 * Role names as the console shows them: in Chinese the platform's own names ({@link Role#displayName()}, e.g.
 * 研判员), in English the role's name in words (e.g. Unit handler). Roles are listed in the platform's order.
 */
public final class RoleNames {

    private RoleNames() {
    }

    /** @return the roles a person can be given (not the machines' SERVICE role) */
    static Set<Role> assignable() {
        return EnumSet.complementOf(EnumSet.of(Role.SERVICE));
    }

    /**
     * One role's name in the language shown, e.g. 研判员 or Analyst.
     *
     * @param role   a role
     * @param locale the language shown
     * @return the role's name in that language
     */
    public static String label(Role role, Locale locale) {
        if (ConsoleLocales.closest(locale).equals(ConsoleLocales.CHINESE)) {
            return role.displayName();
        }
        String words = role.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * A user's roles as one text, e.g. {@code 研判员、管理员}.
     *
     * @param names  role names as the directory sends them, in any case and order; unknown names are shown as sent
     * @param locale the language shown
     * @return the names in the platform's role order, unknown names last; empty for none
     */
    public static String render(Collection<String> names, Locale locale) {
        boolean chinese = ConsoleLocales.closest(locale).equals(ConsoleLocales.CHINESE);
        return names.stream()
                .distinct()
                .sorted(Comparator.comparingInt((String name) -> Role.parse(name).map(Enum::ordinal)
                        .orElse(Integer.MAX_VALUE)).thenComparing(name -> name))
                .map(name -> Role.parse(name).map(role -> label(role, locale)).orElse(name))
                .distinct()
                .collect(Collectors.joining(chinese ? "、" : ", "));
    }

    /**
     * @param names role names as the directory sends them
     * @return the known roles among them
     */
    static Set<Role> known(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.stream().map(Role::parse).flatMap(Optional::stream).forEach(roles::add);
        return roles;
    }

    /**
     * @param roles roles
     * @return their wire names in the platform's order
     */
    static List<String> wire(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::name).toList();
    }
}
