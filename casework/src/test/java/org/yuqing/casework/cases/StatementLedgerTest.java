package org.yuqing.casework.cases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.casework.ledger.Ledger;
import org.yuqing.casework.ledger.LedgerEntry;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.IntegrationEvent;
import org.yuqing.domain.events.StatementApproved;
import org.yuqing.domain.events.StatementPublished;
import org.yuqing.domain.events.StatementWithdrawn;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.casework.cases.Fixtures.T0;
import static org.yuqing.casework.cases.Fixtures.firstGrade;

/**
 * Publishing's approvals, rejections, release and withdrawal of a case's statement reach the case's timeline and its
 * hash-chained ledger, with who decided which exact text, once however often the feed delivers them.
 */
@CaseworkIntegrationTest
class StatementLedgerTest {

    private static final String HASH_V1 = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f";
    private static final String HASH_V2 = "1a3c5e7b9d0f2a4c6e8b0d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c2e4b6d8f0a1c";

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        StackTestProperties.postgres(r);
        TestTokens.shared().register(r);
    }

    @Autowired
    IntegrationEventListener listener;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestClock clock;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcTemplate jdbc;

    String unit;
    UUID caseId;
    UUID statementId;

    @BeforeEach
    void setUp() {
        unit = "unit-" + UUID.randomUUID();
        clock.set(T0.plus(Duration.ofMinutes(1)));
        UUID incident = UUID.randomUUID();
        deliver("grading", firstGrade(incident, unit, Level.MAJOR, T0));
        caseId = jdbc.queryForObject("select id from casework.case_file where incident_id = ?", UUID.class, incident);
        statementId = UUID.randomUUID();
    }

    @Test
    void each_decision_the_release_and_the_correction_are_on_the_timeline_and_chained_in_the_ledger_once() {
        List<IntegrationEvent> events = List.of(
                decision(1, "UNIT_HEAD", true, "zhang", "", HASH_V1, false, T0.plus(Duration.ofMinutes(40))),
                decision(1, "LEADER_IN_CHARGE", false, "li", "伤亡数字口径与通报不一致", HASH_V1, false,
                        T0.plus(Duration.ofMinutes(50))),
                decision(2, "UNIT_HEAD", true, "zhang", "", HASH_V2, false, T0.plus(Duration.ofMinutes(60))),
                decision(2, "LEADER_IN_CHARGE", true, "li", "同意", HASH_V2, false, T0.plus(Duration.ofMinutes(70))),
                decision(2, "MAIN_LEADER", true, "wang", "", HASH_V2, true, T0.plus(Duration.ofMinutes(80))),
                published(T0.plus(Duration.ofMinutes(90))),
                new StatementWithdrawn(UUID.randomUUID(), T0.plus(Duration.ofHours(3)), statementId, caseId, unit,
                        StatementWithdrawn.CORRECTION, UUID.randomUUID(), "伤亡人数更正为3人", "publisher-zhao",
                        T0.plus(Duration.ofHours(3))));
        clock.set(T0.plus(Duration.ofHours(4)));
        events.forEach(e -> deliver("publishing", e));
        // The feed redelivers everything (e.g. after a cursor was lost): nothing changes.
        events.forEach(e -> deliver("publishing", e));

        List<LedgerEntry> entries = ledger.entriesOf(caseId);
        assertThat(entries).extracting(LedgerEntry::kind).containsExactly("CASE_OPENED", "STATEMENT_APPROVED",
                "STATEMENT_REJECTED", "STATEMENT_APPROVED", "STATEMENT_APPROVED", "STATEMENT_APPROVED",
                "STATEMENT_PUBLISHED", "STATEMENT_WITHDRAWN");
        assertThat(entries).extracting(LedgerEntry::actor).containsExactly("system", "zhang", "li", "zhang", "li",
                "wang", "system", "publisher-zhao");
        assertThat(entries.get(1).summary()).isEqualTo("声明审批通过：单位负责人 zhang（第1版，内容摘要 9f2c4e6a8b0d…）");
        assertThat(entries.get(2).summary())
                .isEqualTo("声明审批退回：分管领导 li（第1版，内容摘要 9f2c4e6a8b0d…），意见：伤亡数字口径与通报不一致");
        assertThat(entries.get(5).summary())
                .isEqualTo("声明审批通过：主要领导 wang（第2版，内容摘要 1a3c5e7b9d0f…）；审批链已完成，可以发布");
        assertThat(entries.get(6).summary()).startsWith("发布声明《关于化工厂事故的情况通报》").endsWith("；首次发声按时");
        assertThat(entries.get(7).summary())
                .isEqualTo("更正声明《关于化工厂事故的情况通报》：publisher-zhao，原因：伤亡人数更正为3人（更正通知另行发布）");

        // The ledger binds each decision to the full hash of the exact text decided on.
        List<Map<String, Object>> details = jdbc.queryForList("select detail ->> 'step' as step, detail ->> 'contentHash' "
                + "as hash, detail ->> 'complete' as complete, detail ->> 'causeEventId' as cause "
                + "from casework.ledger_entry where case_id = ? and kind like 'STATEMENT_%ED' and kind <> "
                + "'STATEMENT_PUBLISHED' and kind <> 'STATEMENT_WITHDRAWN' order by seq", caseId);
        assertThat(details).extracting(d -> d.get("step") + " " + d.get("hash") + " " + d.get("complete"))
                .containsExactly("UNIT_HEAD " + HASH_V1 + " false", "LEADER_IN_CHARGE " + HASH_V1 + " false",
                        "UNIT_HEAD " + HASH_V2 + " false", "LEADER_IN_CHARGE " + HASH_V2 + " false",
                        "MAIN_LEADER " + HASH_V2 + " true");
        assertThat(details).extracting(d -> d.get("cause"))
                .containsExactlyElementsOf(events.subList(0, 5).stream().map(e -> e.eventId().toString()).toList());
        assertThat(ledger.verify().valid()).isTrue();

        assertThat(jdbc.queryForList("select kind || ' ' || actor || ' ' || to_char(at at time zone 'UTC', 'HH24:MI') "
                + "from casework.timeline_entry where case_id = ? and kind like 'STATEMENT_%' order by at, id", String.class,
                caseId)).containsExactly("STATEMENT_APPROVED zhang 08:40", "STATEMENT_REJECTED li 08:50",
                "STATEMENT_APPROVED zhang 09:00", "STATEMENT_APPROVED li 09:10", "STATEMENT_APPROVED wang 09:20",
                "STATEMENT_PUBLISHED system 09:30", "STATEMENT_WITHDRAWN publisher-zhao 11:00");
        // The statement did go out: a corrected first statement still met its deadline.
        assertThat(jdbc.queryForObject("select first_statement_at from casework.case_file where id = ?",
                java.sql.Timestamp.class, caseId).toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
    }

    @Test
    void a_retraction_is_recorded_as_such_and_a_decision_on_an_unknown_case_is_dropped() {
        deliver("publishing", published(T0.plus(Duration.ofMinutes(30))));
        deliver("publishing", new StatementWithdrawn(UUID.randomUUID(), T0.plus(Duration.ofHours(1)), statementId,
                caseId, unit, StatementWithdrawn.RETRACTION, null, "误发", "publisher-zhao", T0.plus(Duration.ofHours(1))));
        UUID unknown = UUID.randomUUID();
        deliver("publishing", new StatementApproved(UUID.randomUUID(), T0, UUID.randomUUID(), unknown, unit, 1,
                "UNIT_HEAD", true, "zhang", null, HASH_V1, false, T0));

        assertThat(ledger.entriesOf(caseId).getLast().summary())
                .isEqualTo("撤回声明《关于化工厂事故的情况通报》：publisher-zhao，原因：误发");
        assertThat(ledger.entriesOf(unknown)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from casework.timeline_entry where case_id = ?", Integer.class,
                unknown)).isZero();
    }

    private StatementApproved decision(int version, String step, boolean approved, String by, String comment,
                                       String hash, boolean complete, Instant at) {
        return new StatementApproved(UUID.randomUUID(), at, statementId, caseId, unit, version, step, approved, by,
                comment, hash, complete, at);
    }

    private StatementPublished published(Instant at) {
        return new StatementPublished(UUID.randomUUID(), at, statementId, caseId, unit, "关于化工厂事故的情况通报",
                "http://127.0.0.1:8080/public/statements/" + statementId, List.of("WEBSITE"),
                List.of("zhang", "li", "wang"), at);
    }

    private void deliver(String feed, IntegrationEvent event) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> listener.on(feed, event));
    }
}
