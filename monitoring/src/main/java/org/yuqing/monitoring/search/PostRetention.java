package org.yuqing.monitoring.search;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Retention of stored posts (数据保留期限): every day (at {@code yuqing.monitoring.retention.cron}, 03:30 Beijing time by
 * default) the monthly indices older than {@code yuqing.monitoring.retention.months} are deleted — the store keeps the
 * current month and the months before it up to that many in all (12: this month and the 11 before; months are UTC,
 * like the indices). 0, the default, keeps everything. Deleting a whole month's index is cheap and leaves no
 * fragmented segments, which is why the posts are stored by month. What PostgreSQL holds of the deleted posts (their
 * incident memberships with figures, their metric history) stays, so incidents keep their heat.
 */
@Component
public class PostRetention {

    private static final System.Logger LOG = System.getLogger(PostRetention.class.getName());

    private final PostIndex index;
    private final Clock clock;
    private final int months;

    PostRetention(PostIndex index, Clock clock, @Value("${yuqing.monitoring.retention.months:0}") int months) {
        if (months < 0) {
            throw new IllegalArgumentException("yuqing.monitoring.retention.months must be 0 (keep all) or more, was " + months);
        }
        this.index = index;
        this.clock = clock;
        this.months = months;
    }

    /** The configured retention in months; 0 keeps everything. */
    public int months() {
        return months;
    }

    @Scheduled(cron = "${yuqing.monitoring.retention.cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    void daily() {
        if (months > 0) {
            try {
                purge(months);
            } catch (SearchUnavailableException e) {
                LOG.log(System.Logger.Level.WARNING, "retention skipped, Elasticsearch is unavailable: " + e.getMessage());
            }
        }
    }

    /**
     * Deletes the monthly indices older than the last {@code keepMonths} months (the current month included).
     *
     * @param keepMonths months to keep, at least 1
     * @return the months deleted, oldest first
     * @throws SearchUnavailableException when Elasticsearch cannot be reached (months before were deleted)
     */
    public List<YearMonth> purge(int keepMonths) {
        if (keepMonths < 1) {
            throw new IllegalArgumentException("keep at least 1 month, not " + keepMonths);
        }
        YearMonth oldestKept = YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(keepMonths - 1L);
        List<YearMonth> deleted = new ArrayList<>();
        for (Map.Entry<YearMonth, String> month : index.monthlyIndices().headMap(oldestKept).entrySet()) {
            index.deleteMonth(month.getKey());
            deleted.add(month.getKey());
            LOG.log(System.Logger.Level.INFO, "retention: deleted index {0}, older than {1} months", month.getValue(), keepMonths);
        }
        return deleted;
    }
}
