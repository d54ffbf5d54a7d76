package org.yuqing.casework.escalation;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.casework.cases.TestClock;
import org.yuqing.casework.ledger.Ledger;
import org.yuqing.casework.ledger.LedgerEntry;
import org.yuqing.domain.Level;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.casework.db.Tables.CASE_FILE;
import static org.yuqing.casework.cases.Fixtures.T0;
import static org.yuqing.casework.cases.Fixtures.firstGrade;

/** The watcher on its schedule, as the service runs it (a short interval here); its context is closed after. */
@SpringBootTest(properties = {"yuqing.events.consume=false", "yuqing.casework.escalation.watch-interval=200ms"})
@Import(TestClock.Config.class)
@DirtiesContext
class DeadlineScheduleTest {

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
    EscalationRepository runs;
    @Autowired
    DSLContext db;

    @Test
    void the_scheduled_watcher_records_a_miss_without_being_called() throws InterruptedException {
        clock.set(T0);
        UUID incident = UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(s -> listener.on("grading",
                firstGrade(incident, "unit-" + UUID.randomUUID(), Level.MAJOR, T0)));
        clock.set(T0.plus(Duration.ofHours(3)));

        UUID caseId = null;
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            caseId = caseOf(incident);
            if (caseId != null && ledger.entriesOf(caseId).stream().map(LedgerEntry::kind).anyMatch("DEADLINE_MISSED"::equals)) {
                break;
            }
            Thread.sleep(100);
        }

        assertThat(caseId).isNotNull();
        assertThat(ledger.entriesOf(caseId)).extracting(LedgerEntry::kind).containsExactly("CASE_OPENED", "DEADLINE_MISSED");
        assertThat(runs.runsOf(caseId)).singleElement().extracting(EscalationRepository.Run::state).isEqualTo("COMPLETED");
    }

    private UUID caseOf(UUID incident) {
        return db.select(CASE_FILE.ID).from(CASE_FILE).where(CASE_FILE.INCIDENT_ID.eq(incident)).fetchOne(CASE_FILE.ID);
    }
}
