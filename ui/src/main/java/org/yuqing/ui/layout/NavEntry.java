package org.yuqing.ui.layout;

import java.util.HashSet;
import java.util.Set;

/**
 * An entry of the side navigation a feature adds to the frame. Like {@link HeaderItem}, a feature declares a bean of
 * this type instead of the frame naming the feature's views; {@link MainLayout} lists the entries by
 * {@link #order()}.
 *
 * @param labelKey  translation key of the label, e.g. {@code nav.cases}
 * @param path      route path, e.g. {@code cases}
 * @param id        element id for tests and styling, e.g. {@code nav-cases}
 * @param order     position: lower first (work pages 100–499, administration 900 and up)
 * @param adminOnly shown to administrators only (the pages refuse everyone else anyway)
 * @param aliases   further paths that highlight the entry, e.g. {@code ""} for the start page
 */
public record NavEntry(String labelKey, String path, String id, int order, boolean adminOnly, Set<String> aliases) {

    public NavEntry {
        aliases = Set.copyOf(aliases);
    }

    /**
     * An entry for everyone.
     *
     * @param labelKey translation key of the label
     * @param path     route path
     * @param id       element id
     * @param order    position
     * @return the entry
     */
    public static NavEntry of(String labelKey, String path, String id, int order) {
        return new NavEntry(labelKey, path, id, order, false, Set.of());
    }

    /**
     * An entry for administrators.
     *
     * @param labelKey translation key of the label
     * @param path     route path
     * @param id       element id
     * @param order    position
     * @return the entry
     */
    public static NavEntry admin(String labelKey, String path, String id, int order) {
        return new NavEntry(labelKey, path, id, order, true, Set.of());
    }

    /**
     * The same entry, also highlighted on {@code alias}.
     *
     * @param alias another path of the page
     * @return the entry with the alias
     */
    public NavEntry alsoAt(String alias) {
        Set<String> more = new HashSet<>(aliases);
        more.add(alias);
        return new NavEntry(labelKey, path, id, order, adminOnly, more);
    }
}
