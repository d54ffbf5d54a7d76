package org.yuqing.casework.ledger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerHashTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private static final UUID CASE = UUID.fromString("5f0c3c1e-4c53-4b8e-9d2a-2f8f6c1d7a10");
    private static final Instant AT = Instant.parse("2026-11-21T08:00:00.123456Z");
    private static final byte[] PREV = HexFormat.of().parseHex("00".repeat(31) + "01");

    @Test
    void canonical_json_sorts_keys_at_every_depth_and_drops_whitespace() {
        String a = LedgerHash.canonicalJson(json.readTree("{\"b\": 1, \"a\": {\"y\": [true, null], \"x\": \"泄漏\"}}"), json);
        String b = LedgerHash.canonicalJson(json.readTree("{\"a\":{\"x\":\"泄漏\",\"y\":[true,null]},\"b\":1}"), json);

        assertThat(a).isEqualTo("{\"a\":{\"x\":\"泄漏\",\"y\":[true,null]},\"b\":1}").isEqualTo(b);
    }

    @Test
    void canonical_json_writes_decimals_in_plain_notation_and_escapes_strings() {
        String text = LedgerHash.canonicalJson(
                json.readerFor(tools.jackson.databind.JsonNode.class)
                        .with(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .readValue("{\"n\":1.50,\"s\":\"a\\\"b\"}"), json);

        assertThat(text).isEqualTo("{\"n\":1.50,\"s\":\"a\\\"b\"}");
    }

    @Test
    void the_hash_is_the_same_for_the_same_entry_and_thirty_two_bytes_long() {
        byte[] first = hash(1, CASE, AT, "REPORTED", "zhang", "电话报告", "{}", PREV);
        byte[] again = hash(1, CASE, AT, "REPORTED", "zhang", "电话报告", "{}", PREV);

        assertThat(first).hasSize(32).isEqualTo(again);
    }

    @Test
    void changing_any_field_changes_the_hash() {
        byte[] base = hash(1, CASE, AT, "REPORTED", "zhang", "电话报告", "{\"a\":1}", PREV);
        List<Supplier<byte[]>> variants = List.of(
                () -> hash(2, CASE, AT, "REPORTED", "zhang", "电话报告", "{\"a\":1}", PREV),
                () -> hash(1, UUID.randomUUID(), AT, "REPORTED", "zhang", "电话报告", "{\"a\":1}", PREV),
                () -> hash(1, CASE, AT.plusNanos(1_000), "REPORTED", "zhang", "电话报告", "{\"a\":1}", PREV),
                () -> hash(1, CASE, AT, "ESCALATED", "zhang", "电话报告", "{\"a\":1}", PREV),
                () -> hash(1, CASE, AT, "REPORTED", "li", "电话报告", "{\"a\":1}", PREV),
                () -> hash(1, CASE, AT, "REPORTED", "zhang", "书面报告", "{\"a\":1}", PREV),
                () -> hash(1, CASE, AT, "REPORTED", "zhang", "电话报告", "{\"a\":2}", PREV),
                () -> hash(1, CASE, AT, "REPORTED", "zhang", "电话报告", "{\"a\":1}", LedgerHash.GENESIS));

        for (Supplier<byte[]> variant : variants) {
            assertThat(Arrays.equals(variant.get(), base)).isFalse();
        }
    }

    @Test
    void length_prefixes_keep_a_shifted_boundary_between_fields_from_colliding() {
        byte[] one = hash(1, CASE, AT, "REPORTED", "zhang", "ab", "{}", PREV);
        byte[] other = hash(1, CASE, AT, "REPORTED", "zhanga", "b", "{}", PREV);

        assertThat(Arrays.equals(one, other)).isFalse();
    }

    @Test
    void an_instant_finer_than_a_microsecond_is_refused_rather_than_silently_rounded() {
        assertThat(LedgerHash.micros(AT)).isEqualTo(AT.getEpochSecond() * 1_000_000 + 123_456);
        assertThatThrownBy(() -> LedgerHash.micros(AT.plusNanos(1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] hash(long seq, UUID caseId, Instant at, String kind, String actor, String summary,
                               String detail, byte[] prev) {
        return LedgerHash.of(seq, caseId, at, kind, actor, summary, detail, prev);
    }
}
