package org.yuqing.casework.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.casework.cases.CaseTimeline;
import org.yuqing.casework.cases.CaseworkIntegrationTest;
import org.yuqing.casework.cases.TestCaller;
import org.yuqing.casework.cases.TestClock;
import org.yuqing.casework.ledger.Ledger;
import org.yuqing.casework.ledger.LedgerEntry;
import org.yuqing.casework.notifications.Notifier;
import org.yuqing.domain.events.IntegrationEvent;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.casework.cases.Fixtures.T0;

/**
 * What the deadline scenarios share: the service on the controllable clock, a fresh unit per test whose member
 * calls the API, grading events applied as the feed would, and the watcher run at chosen instants.
 */
@CaseworkIntegrationTest
abstract class WatcherScenario {

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
    JsonMapper json;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestClock clock;
    @Autowired
    DeadlineWatcher watcher;
    @Autowired
    Ledger ledger;
    @Autowired
    DSLContext db;
    @Autowired
    EscalationProperties properties;
    @Autowired
    CaseTimeline timeline;
    @Autowired
    org.yuqing.casework.cases.CaseRecords caseRecords;
    @Autowired
    List<Notifier> notifiers;
    @Autowired
    EscalationRepository runs;
    @Autowired
    TestCaller caller;

    String unit;

    @BeforeEach
    void setUpScenario() {
        unit = "unit-" + UUID.randomUUID();
        caller.is(TestCaller.DEFAULT_LOGIN, unit);
        clock.set(T0);
    }

    /** A watcher as a restarted service would have it: same database, nothing in memory. */
    DeadlineWatcher freshWatcher() {
        return new DeadlineWatcher(new EscalationRepository(db), properties, timeline, caseRecords, ledger, notifiers, clock,
                transactions);
    }

    void watchAt(Instant at) {
        clock.set(at);
        watcher.watch();
    }

    void apply(IntegrationEvent event) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> listener.on("grading", event));
    }

    JsonNode caseDetail(UUID id) {
        return body(mvc.get().uri("/api/casework/cases/{id}", id).exchange());
    }

    List<String> ledgerKinds(UUID id) {
        return ledger.entriesOf(id).stream().map(LedgerEntry::kind).toList();
    }

    JsonNode body(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.OK);
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
