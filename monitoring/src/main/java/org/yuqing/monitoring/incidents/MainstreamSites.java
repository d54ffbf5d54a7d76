package org.yuqing.monitoring.incidents;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells which mainstream outlet (主流媒体) a site belongs to: the configured domain it equals or is
 * a subdomain of ({@code society.people.com.cn} belongs to {@code people.com.cn}). The longest
 * configured domain wins, so both an outlet and one of its sections can be listed.
 */
final class MainstreamSites {

    private final List<String> domains;

    MainstreamSites(List<String> domains) {
        this.domains = domains.stream()
                .map(MainstreamSites::clean)
                .filter(d -> !d.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** The outlet's configured domain, or empty when the site is not mainstream. */
    Optional<String> outletOf(String site) {
        String s = clean(site);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        return domains.stream().filter(d -> s.equals(d) || s.endsWith("." + d)).findFirst();
    }

    /** Lower case, without surrounding blanks and without the trailing dot of a fully qualified name. */
    static String clean(String domain) {
        if (domain == null) {
            return "";
        }
        String d = domain.strip().toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }
}
