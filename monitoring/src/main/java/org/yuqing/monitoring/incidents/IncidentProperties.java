package org.yuqing.monitoring.incidents;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Configuration of incident clustering and heat under {@code yuqing.monitoring}.
 *
 * @param mainstreamSites domains of mainstream media (主流媒体: TV, newspapers, major portals); a
 *                        post's site is mainstream when it equals one or ends with "." plus one
 * @param incidentWindow  a matched post joins its topic's open incident when the incident's posts
 *                        were published within this span of it (default 72 h); else it opens a
 *                        new incident
 */
@ConfigurationProperties("yuqing.monitoring")
public record IncidentProperties(List<String> mainstreamSites, Duration incidentWindow) {

    /** The default mainstream outlets: central media and the major news portals. */
    public static final List<String> DEFAULT_MAINSTREAM_SITES = List.of(
            "people.com.cn", "xinhuanet.com", "news.cn", "cctv.com", "chinadaily.com.cn",
            "gmw.cn", "chinanews.com.cn", "thepaper.cn", "ce.cn", "youth.cn");

    public IncidentProperties {
        mainstreamSites = mainstreamSites == null ? DEFAULT_MAINSTREAM_SITES : List.copyOf(mainstreamSites);
        incidentWindow = incidentWindow == null ? Duration.ofHours(72) : incidentWindow;
        if (incidentWindow.isNegative() || incidentWindow.isZero()) {
            throw new IllegalArgumentException("yuqing.monitoring.incident-window must be positive");
        }
    }
}
