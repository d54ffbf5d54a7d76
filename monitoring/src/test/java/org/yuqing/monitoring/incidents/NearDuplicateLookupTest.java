package org.yuqing.monitoring.incidents;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yuqing.monitoring.MonitoringIntegrationTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The near-duplicate lookup reads only the posts that share a 16-bit quarter of their fingerprint with the new post
 * (indexed generated columns): it must still find every fingerprint within 3 bits, however the differing bits fall.
 */
class NearDuplicateLookupTest extends MonitoringIntegrationTest {

    /** High bit set: the quarters of a negative fingerprint must agree between Java and PostgreSQL too. */
    private static final long ORIGINAL = 0xF234_5678_9ABC_DEF0L;

    @Autowired
    IncidentRepository repository;

    @Test
    void the_quarters_postgresql_stores_are_those_the_lookup_asks_for() throws Exception {
        UUID incident = memberWithFingerprint(watch(uniqueWord()), ORIGINAL);

        Map<String, Object> row = jdbc.queryForMap("select simhash_band0, simhash_band1, simhash_band2, simhash_band3 "
                + "from monitoring.incident_post where incident_id = ?", incident);
        for (int k = 0; k < 4; k++) {
            assertThat(((Number) row.get("simhash_band" + k)).intValue()).as("quarter %d", k)
                    .isEqualTo(IncidentRepository.band(ORIGINAL, k));
        }
    }

    @Test
    void a_fingerprint_three_bits_away_is_found_when_only_one_quarter_is_unchanged_and_four_bits_away_is_not() throws Exception {
        UUID topic = watch(uniqueWord());
        UUID incident = memberWithFingerprint(topic, ORIGINAL);
        // published long after the incident's window, so only the near-duplicate rule can join it
        Instant now = Instant.now();
        Duration window = Duration.ofHours(72);

        for (long bits : List.of((1L << 3) | (1L << 20) | (1L << 40), (1L << 17) | (1L << 33) | (1L << 63),
                (1L << 1) | (1L << 2) | (1L << 50))) {
            Optional<IncidentRepository.Joining> joining = repository.joining(topic, UUID.randomUUID(), ORIGINAL ^ bits,
                    now, window);
            assertThat(joining).as("3 bits away: %s", Long.toBinaryString(bits)).isPresent();
            assertThat(joining.get().incident().getId()).isEqualTo(incident);
            assertThat(joining.get().sameStatement()).isEqualTo("statement-" + incident);
        }
        long fourQuarters = (1L << 3) | (1L << 20) | (1L << 40) | (1L << 60);
        assertThat(repository.joining(topic, UUID.randomUUID(), ORIGINAL ^ fourQuarters, now, window))
                .as("4 bits away is another statement").isEmpty();
    }

    /** An open incident of the topic, 20 days old, whose one post has the fingerprint. */
    private UUID memberWithFingerprint(UUID topic, long simhash) {
        UUID incident = UUID.randomUUID();
        Instant published = Instant.now().minus(Duration.ofDays(20));
        repository.insertIncident(incident, topic, UNIT, "指纹", published, published);
        PostFacts post = new PostFacts(UUID.randomUUID(), "news.example.cn", "指纹", "正文", published, 1, 0, 0, 0);
        repository.upsertMember(new IncidentRepository.Member(incident, post, null, "statement-" + incident, simhash,
                false, List.of()), published);
        return incident;
    }
}
