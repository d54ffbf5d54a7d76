package org.yuqing.casework.cases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.casework.ledger.Ledger;
import org.yuqing.casework.ledger.LedgerKind;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.IncidentGraded;
import org.yuqing.domain.events.IntegrationEvent;
import org.yuqing.domain.events.StatementPublished;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.platform.stack.PostgresServer;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yuqing.casework.cases.Fixtures.T0;
import static org.yuqing.casework.cases.Fixtures.escalation;
import static org.yuqing.casework.cases.Fixtures.firstGrade;
import static org.yuqing.casework.cases.Fixtures.statement;

@CaseworkIntegrationTest
class AccountabilityLedgerTest {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        StackTestProperties.postgres(r);
        TestTokens.shared().register(r);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    IntegrationEventListener listener;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestClock clock;
    @Autowired
    Ledger ledger;
    @Autowired
    TestCaller caller;

    TransactionTemplate tx;
    UUID incident;
    String unit;

    @BeforeEach
    void setUp() {
        tx = new TransactionTemplate(transactions);
        incident = UUID.randomUUID();
        unit = "unit-" + UUID.randomUUID();
        caller.is(TestCaller.DEFAULT_LOGIN, unit);
        clock.set(T0.plus(Duration.ofMinutes(1)));
    }

    @Test
    void every_accountable_step_of_a_case_is_chained_into_the_ledger() {
        deliver("grading", firstGrade(incident, unit, Level.SERIOUS, T0));
        UUID caseId = caseOf(incident);
        clock.set(T0.plus(Duration.ofHours(1)));
        deliver("grading", escalation(incident, unit, Level.SERIOUS, Level.MAJOR, T0.plus(Duration.ofHours(1))));
        clock.set(T0.plus(Duration.ofHours(4)));
        report(caseId, "{\"kind\":\"PHONE\",\"to\":[\"区委宣传部分管领导\"]}", "zhang");
        clock.set(T0.plus(Duration.ofHours(5)));
        report(caseId, "{\"kind\":\"WRITTEN\",\"to\":[\"区委宣传部\"]}", "zhang");
        clock.set(T0.plus(Duration.ofHours(6)));
        deliver("publishing", statement(caseId, unit, "关于化工厂事故的情况通报", T0.plus(Duration.ofHours(6))));

        JsonNode entries = body(mvc.get().uri("/api/casework/cases/{id}/ledger", caseId).exchange(), HttpStatus.OK);

        assertThat(entries.valueStream().map(e -> e.path("kind").asString()).toList()).containsExactly(
                "CASE_OPENED", "ESCALATED", "REPORTED", "REPORTED", "STATEMENT_PUBLISHED");
        assertThat(entries.get(0).path("summary").asString()).startsWith("按区网络舆情处置工作应急预案定为较大舆情");
        // Escalated at 09:00 to MAJOR: report due 11:00; made at 12:00.
        assertThat(entries.get(2).path("summary").asString()).isEqualTo("电话报告：报送区委宣传部分管领导（迟报1小时）");
        assertThat(entries.get(2).path("actor").asString()).isEqualTo("zhang");
        assertThat(entries.get(3).path("summary").asString()).isEqualTo("书面报告：报送区委宣传部（续报）");
        assertThat(entries.get(4).path("summary").asString()).endsWith("；首次发声按时");
        assertThat(entries.get(2).path("at").asString()).isEqualTo("2026-11-21T12:00:00Z");

        List<Long> seqs = entries.valueStream().map(e -> e.path("seq").asLong()).toList();
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        for (JsonNode entry : entries) {
            long seq = entry.path("seq").asLong();
            Map<String, Object> row = jdbc.queryForMap(
                    "select prev_hash, hash from casework.ledger_entry where seq = ?", seq);
            assertThat(HexFormat.of().formatHex((byte[]) row.get("hash"))).isEqualTo(entry.path("hash").asString());
            byte[] predecessor = jdbc.queryForObject("select coalesce((select hash from casework.ledger_entry "
                    + "where seq < ? order by seq desc limit 1), decode(repeat('00', 32), 'hex'))", byte[].class, seq);
            assertThat((byte[]) row.get("prev_hash")).isEqualTo(predecessor);
        }
        JsonNode report = jdbc.queryForObject("select detail::text from casework.ledger_entry where seq = ?",
                (rs, i) -> json.readTree(rs.getString(1)), seqs.get(2));
        assertThat(report.path("onTime").asBoolean(true)).isFalse();
        assertThat(report.path("reportDueAt").asString()).isEqualTo("2026-11-21T11:00:00Z");
        assertThat(report.path("to").get(0).asString()).isEqualTo("区委宣传部分管领导");

        JsonNode verification = verify();
        assertThat(verification.path("valid").asBoolean()).isTrue();
        assertThat(verification.path("entries").asLong())
                .isEqualTo(jdbc.queryForObject("select count(*) from casework.ledger_entry", Long.class));
        assertThat(verification.path("firstBrokenSeq").isNull()).isTrue();
    }

    @Test
    void redelivered_events_add_no_second_ledger_entry() {
        IncidentGraded grade = firstGrade(incident, unit, Level.MAJOR, T0);
        deliver("grading", grade);
        deliver("grading", grade);
        UUID caseId = caseOf(incident);
        StatementPublished published = statement(caseId, unit, "关于化工厂事故的情况通报", T0.plus(Duration.ofHours(2)));
        deliver("publishing", published);
        deliver("publishing", published);

        assertThat(jdbc.queryForList("select kind from casework.ledger_entry where case_id = ? order by seq",
                String.class, caseId)).containsExactly("CASE_OPENED", "STATEMENT_PUBLISHED");
    }

    @Test
    void the_database_refuses_to_update_delete_or_truncate_ledger_entries() {
        deliver("grading", firstGrade(incident, unit, Level.MAJOR, T0));
        UUID caseId = caseOf(incident);

        for (String sql : List.of(
                "update casework.ledger_entry set summary = '已按时上报' where case_id = '" + caseId + "'",
                "delete from casework.ledger_entry where case_id = '" + caseId + "'",
                "truncate casework.ledger_entry")) {
            // Rolled back whatever happens, so a failure here cannot damage the shared ledger.
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                s.setRollbackOnly();
                jdbc.execute(sql);
            })).as(sql).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        }
        assertThat(jdbc.queryForObject("select count(*) from casework.ledger_entry where case_id = ?", Long.class,
                caseId)).isEqualTo(1);
    }

    @Test
    void an_entry_altered_behind_the_triggers_back_is_caught_by_verification() throws SQLException {
        deliver("grading", firstGrade(incident, unit, Level.MAJOR, T0));
        UUID caseId = caseOf(incident);
        clock.set(T0.plus(Duration.ofHours(3)));
        report(caseId, "{\"kind\":\"PHONE\",\"to\":[\"区委宣传部\"]}", "zhang");
        deliver("grading", firstGrade(UUID.randomUUID(), unit, Level.MAJOR, T0)); // a later entry of another case
        long seq = jdbc.queryForObject("select seq from casework.ledger_entry where case_id = ? and kind = 'REPORTED'",
                Long.class, caseId);
        String original = jdbc.queryForObject("select summary from casework.ledger_entry where seq = ?", String.class,
                seq);
        assertThat(original).contains("迟报");
        assertThat(verify().path("valid").asBoolean()).isTrue();

        try {
            setSummaryAsSuperuser(seq, "电话报告：报送区委宣传部（按时报告）");
            assertThat(jdbc.queryForObject("select summary from casework.ledger_entry where seq = ?", String.class, seq))
                    .isEqualTo("电话报告：报送区委宣传部（按时报告）");

            JsonNode verification = verify();

            assertThat(verification.path("valid").asBoolean()).isFalse();
            assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(seq);
            assertThat(verification.path("reason").asString()).contains("does not match the entry's contents");
            assertThat(verification.path("entries").asLong())
                    .isEqualTo(jdbc.queryForObject("select count(*) from casework.ledger_entry", Long.class));
        } finally {
            setSummaryAsSuperuser(seq, original);
        }
        assertThat(verify().path("valid").asBoolean()).isTrue();
    }

    @Test
    void a_removed_entry_breaks_the_link_of_the_entry_after_it() throws SQLException {
        deliver("grading", firstGrade(incident, unit, Level.MAJOR, T0));
        UUID caseId = caseOf(incident);
        deliver("grading", firstGrade(UUID.randomUUID(), unit, Level.MAJOR, T0)); // the entry after it
        long seq = jdbc.queryForObject("select seq from casework.ledger_entry where case_id = ?", Long.class, caseId);
        long next = jdbc.queryForObject("select min(seq) from casework.ledger_entry where seq > ?", Long.class, seq);

        // One superuser session: it keeps a copy of the row in a temporary table to put it back afterwards.
        try (Connection c = PostgresServer.shared().superuserDataSource().getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("create temporary table removed_entry as "
                    + "select * from casework.ledger_entry where seq = " + seq);
            c.createStatement().execute("alter table casework.ledger_entry disable trigger user");
            c.createStatement().execute("delete from casework.ledger_entry where seq = " + seq);
            c.createStatement().execute("alter table casework.ledger_entry enable trigger user");
            c.commit();
            try {
                JsonNode verification = verify();

                assertThat(verification.path("valid").asBoolean()).isFalse();
                assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(next);
                assertThat(verification.path("reason").asString()).contains("prev_hash does not match");
            } finally {
                c.createStatement().execute("insert into casework.ledger_entry select * from removed_entry");
                c.commit();
            }
        }
        assertThat(verify().path("valid").asBoolean()).isTrue();
    }

    @Test
    void concurrent_appends_form_one_linear_chain() throws Exception {
        List<UUID> caseIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID other = UUID.randomUUID();
            deliver("grading", firstGrade(other, unit, Level.MAJOR, T0));
            caseIds.add(caseOf(other));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> runs = new ArrayList<>();
            for (UUID caseId : caseIds) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        int n = i;
                        tx.executeWithoutResult(s -> ledger.append(caseId, LedgerKind.REPORTED, "load",
                                "续报 " + n, Map.of("n", n)));
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }

        assertThat(jdbc.queryForObject("select count(*) from casework.ledger_entry where actor = 'load' and case_id = any(?)",
                Long.class, (Object) caseIds.toArray(UUID[]::new))).isEqualTo(40);
        // Linear: no two entries share a predecessor.
        assertThat(jdbc.queryForObject("select count(*) - count(distinct prev_hash) from casework.ledger_entry",
                Long.class)).isZero();
        assertThat(verify().path("valid").asBoolean()).isTrue();
    }

    @Test
    void an_append_outside_a_transaction_is_refused() {
        deliver("grading", firstGrade(incident, unit, Level.MAJOR, T0));
        UUID caseId = caseOf(incident);

        assertThatThrownBy(() -> ledger.append(caseId, LedgerKind.REPORTED, "zhang", "电话报告", Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void the_ledger_of_an_unknown_case_is_a_404_problem() {
        MvcTestResult result = mvc.get().uri("/api/casework/cases/{id}/ledger", UUID.randomUUID()).exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void setSummaryAsSuperuser(long seq, String summary) throws SQLException {
        try (Connection c = PostgresServer.shared().superuserDataSource().getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("alter table casework.ledger_entry disable trigger user");
            try (PreparedStatement update = c.prepareStatement(
                    "update casework.ledger_entry set summary = ? where seq = ?")) {
                update.setString(1, summary);
                update.setLong(2, seq);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            c.createStatement().execute("alter table casework.ledger_entry enable trigger user");
            c.commit();
        }
    }

    private JsonNode verify() {
        return body(mvc.get().uri("/api/casework/ledger/verify").exchange(), HttpStatus.OK);
    }

    private void deliver(String feed, IntegrationEvent event) {
        tx.executeWithoutResult(s -> listener.on(feed, event));
    }

    private UUID caseOf(UUID incidentId) {
        return jdbc.queryForObject("select id from casework.case_file where incident_id = ?", UUID.class, incidentId);
    }

    private void report(UUID caseId, String body, String user) {
        assertThat(mvc.post().uri("/api/casework/cases/{id}/reports", caseId).contentType(MediaType.APPLICATION_JSON)
                .content(body).header(HttpHeaders.AUTHORIZATION, caller.bearer(user)).exchange()).hasStatus(HttpStatus.CREATED);
    }

    private JsonNode body(MvcTestResult result, HttpStatus expected) {
        assertThat(result).hasStatus(expected);
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
