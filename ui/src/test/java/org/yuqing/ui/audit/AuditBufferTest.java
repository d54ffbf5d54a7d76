package org.yuqing.ui.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditBufferTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    private static AuditRecord line(long id, int secondsAfterT0, String actor, String action) {
        return new AuditRecord(id, T0.plusSeconds(secondsAfterT0), actor, "east", action, "target " + id, "DONE",
                "127.0.0.1", null);
    }

    @Test
    void the_lines_of_all_sources_are_merged_newest_first() {
        List<AuditLine> merged = AuditBuffer.merge(Map.of(
                AuditSource.IDENTITY, List.of(line(1, 10, "admin", "CONFIG_CHANGE"), line(2, 40, "admin", "DENIED")),
                AuditSource.PUBLISHING, List.of(line(7, 30, "wang", "RELEASE")),
                AuditSource.GRADING, List.of(line(3, 20, "li", "OVERRIDE"), line(4, 50, "li", "PLAN_CHANGE"))));

        assertThat(merged).extracting(l -> l.source() + "#" + l.record().id())
                .containsExactly("GRADING#4", "IDENTITY#2", "PUBLISHING#7", "GRADING#3", "IDENTITY#1");
    }

    @Test
    void lines_of_the_same_instant_are_ordered_by_source_then_newest_id_first_and_undated_lines_come_last() {
        AuditRecord undated = new AuditRecord(9, null, "x", "", "DENIED", "t", "DENIED", null, null);
        List<AuditLine> merged = AuditBuffer.merge(Map.of(
                AuditSource.CASEWORK, List.of(line(5, 0, "a", "DENIED"), line(6, 0, "a", "DENIED")),
                AuditSource.MONITORING, List.of(line(1, 0, "b", "DENIED"), undated)));

        assertThat(merged).extracting(l -> l.source() + "#" + l.record().id())
                .containsExactly("MONITORING#1", "CASEWORK#6", "CASEWORK#5", "MONITORING#9");
    }

    @Test
    void the_cursor_moves_to_the_highest_id_read_and_a_line_read_twice_is_kept_once() {
        AuditBuffer buffer = new AuditBuffer(100);
        assertThat(buffer.cursor(AuditSource.CASEWORK)).isZero();

        buffer.add(AuditSource.CASEWORK, List.of(line(1, 1, "a", "DENIED"), line(2, 2, "a", "DENIED")));
        buffer.add(AuditSource.CASEWORK, List.of(line(2, 2, "a", "DENIED"), line(3, 3, "a", "DENIED")));
        buffer.add(AuditSource.CASEWORK, List.of());

        assertThat(buffer.cursor(AuditSource.CASEWORK)).isEqualTo(3);
        assertThat(buffer.cursor(AuditSource.GRADING)).isZero();
        assertThat(buffer.merged()).extracting(l -> l.record().id()).containsExactly(3L, 2L, 1L);
    }

    @Test
    void each_source_keeps_only_its_newest_lines() {
        AuditBuffer buffer = new AuditBuffer(2);

        buffer.add(AuditSource.MONITORING, List.of(line(1, 1, "a", "DENIED"), line(2, 2, "a", "DENIED"),
                line(3, 3, "a", "DENIED")));
        buffer.add(AuditSource.GRADING, List.of(line(1, 0, "b", "OVERRIDE")));

        assertThat(buffer.merged()).extracting(l -> l.source() + "#" + l.record().id())
                .containsExactly("MONITORING#3", "MONITORING#2", "GRADING#1");
        assertThatIllegalArgumentException().isThrownBy(() -> new AuditBuffer(0));
    }

    @Test
    void filters_by_exact_action_and_by_part_of_the_actor_in_any_case() {
        AuditLine line = new AuditLine(AuditSource.PUBLISHING, line(1, 0, "WangFang", "RELEASE"));

        assertThat(line.matches(null, null)).isTrue();
        assertThat(line.matches("", " ")).isTrue();
        assertThat(line.matches("RELEASE", "fang")).isTrue();
        assertThat(line.matches("APPROVAL", null)).isFalse();
        assertThat(line.matches(null, "li")).isFalse();
        assertThat(new AuditLine(AuditSource.IDENTITY, new AuditRecord(2, T0, null, null, "DENIED", null, "DENIED",
                null, null)).matches(null, "x")).isFalse();
    }
}
