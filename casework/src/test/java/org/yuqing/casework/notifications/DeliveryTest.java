package org.yuqing.casework.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.casework.cases.CaseworkIntegrationTest;
import org.yuqing.casework.cases.TestCaller;
import org.yuqing.casework.cases.TestClock;
import org.yuqing.casework.escalation.DeadlineWatcher;
import org.yuqing.domain.Level;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.casework.cases.Fixtures.T0;
import static org.yuqing.casework.cases.Fixtures.firstGrade;

/**
 * Notices leave the service on every channel the contact directory names — a real SMTP server (GreenMail), WeCom and
 * DingTalk robots and an SMS gateway on loopback sockets, written to their published contracts — each delivery
 * logged, retried with backoff, retryable by hand, and never sent twice after a restart.
 */
@CaseworkIntegrationTest
class DeliveryTest {

    private static final String SMS_KEY = "sms-api-key-" + UUID.randomUUID();
    private static final String WECOM_KEY = "wecom-key-" + UUID.randomUUID();
    private static final String DINGTALK_TOKEN = "dingtalk-token-" + UUID.randomUUID();
    private static final String DINGTALK_SECRET = "SEC" + UUID.randomUUID().toString().replace("-", "");
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final SmsGatewayStub SMS;
    private static final RobotStub ROBOTS;
    private static volatile Clock serviceClock = Clock.systemUTC();

    static {
        SMTP.start();
        try {
            SMS = new SmsGatewayStub(SMS_KEY);
            ROBOTS = new RobotStub(WECOM_KEY, DINGTALK_TOKEN, DINGTALK_SECRET, () -> serviceClock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        StackTestProperties.postgres(r);
        TestTokens.shared().register(r);
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        r.add("yuqing.casework.notifications.email.from", () -> "舆情值班 <duty@district.example.gov.cn>");
        r.add("yuqing.casework.notifications.sms.url", SMS::url);
        r.add("yuqing.casework.notifications.sms.api-key", () -> SMS_KEY);
        r.add("yuqing.casework.notifications.sms.sender", () -> "区委网信办");
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    IntegrationEventListener listener;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestClock clock;
    @Autowired
    TestCaller caller;
    @Autowired
    DeadlineWatcher watcher;
    @Autowired
    DeliveryDispatcher dispatcher;
    @Autowired
    DeliveryRepository deliveries;
    @Autowired
    NotificationProperties properties;
    @Autowired
    List<ChannelSender> senders;
    @Autowired
    InboxNotifier inbox;
    @Autowired
    DeliveryPlanner planner;
    @Autowired
    org.jooq.DSLContext dsl;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    String unit;
    String tag;

    @BeforeEach
    void setUp() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        unit = "unit-" + UUID.randomUUID();
        caller.is("admin-" + tag, unit);
        clock.set(T0);
        serviceClock = clock;
        SMS.clear();
        ROBOTS.clear();
    }

    @Test
    void a_missed_report_reaches_each_steps_people_by_email_and_sms_and_the_units_robots_once() throws Exception {
        person("zhang-" + tag, "张科长", "ASSIGNEE", "zhang-" + tag + "@district.example.gov.cn", "138 0000 1234");
        person("wang-" + tag, "王主任", "UNIT_HEAD", "wang-" + tag + "@district.example.gov.cn", null);
        robots("{\"name\":\"应急值班群\",\"kind\":\"WECOM\",\"webhookUrl\":\"" + ROBOTS.wecomWebhook(WECOM_KEY) + "\"},"
                + "{\"name\":\"领导群\",\"kind\":\"DINGTALK\",\"webhookUrl\":\"" + ROBOTS.dingTalkWebhook(DINGTALK_TOKEN)
                + "\",\"secret\":\"" + DINGTALK_SECRET + "\"}");
        UUID caseId = openMajorCase();

        clock.set(T0.plus(Duration.ofHours(2)).plusSeconds(30));
        watcher.watch();
        assertThat(mine()).extracting(d -> d.get("channel") + " " + d.get("recipient") + " " + d.get("status"))
                .containsExactlyInAnyOrder("EMAIL zhang-" + tag + " PENDING", "SMS zhang-" + tag + " PENDING",
                        "WECOM 应急值班群 PENDING", "DINGTALK 领导群 PENDING");
        dispatcher.dispatch();

        assertThat(mine()).extracting(d -> d.get("channel") + " " + d.get("status") + " " + d.get("attempts"))
                .containsExactlyInAnyOrder("EMAIL SENT 1", "SMS SENT 1", "WECOM SENT 1", "DINGTALK SENT 1");
        String expectedSubject = "【超时催办】重大舆情《化工厂爆炸 " + incidentOf(caseId) + "》上报时限已于11月21日18:00届满";
        MimeMessage mail = mailsTo("zhang-" + tag + "@district.example.gov.cn").getFirst();
        assertThat(mail.getSubject()).isEqualTo(expectedSubject);
        String rawSubject = mail.getHeader("Subject")[0];
        assertThat(rawSubject).startsWithIgnoringCase("=?UTF-8?").doesNotContain("重大");
        assertThat(MimeUtility.decodeText(MimeUtility.unfold(rawSubject))).isEqualTo(expectedSubject);
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("duty@district.example.gov.cn");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("舆情值班");
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("zhang-" + tag + "@district.example.gov.cn");
        assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat((String) mail.getContent()).contains("请经办人立即督办");
        JsonNode email = delivery("EMAIL");
        assertThat(mail.getMessageID()).isEqualTo("<notification-" + email.path("idempotencyKey").asString()
                + "@yuqing.casework>");

        assertThat(SMS.sent()).singleElement().satisfies(sms -> {
            assertThat(sms.to()).isEqualTo("13800001234");
            assertThat(sms.sign()).isEqualTo("区委网信办");
            assertThat(sms.text()).startsWith("【超时催办】重大舆情《化工厂爆炸");
            assertThat(sms.requestId()).isEqualTo(delivery("SMS").path("idempotencyKey").asString());
        });
        SmsGatewayStub.Request request = SMS.requests().getFirst();
        assertThat(request.headers().get("Idempotency-key")).containsExactly(SMS.sent().getFirst().requestId());

        assertThat(ROBOTS.received("wecom")).singleElement().satisfies(r -> {
            assertThat(r.errcode()).isZero();
            assertThat(r.body().path("text").path("content").asString()).startsWith("【超时催办】重大舆情");
        });
        assertThat(ROBOTS.received("dingtalk")).singleElement().satisfies(r -> {
            assertThat(r.errcode()).as("DingTalk accepts the signature").isZero();
            assertThat(r.query()).containsKeys("timestamp", "sign");
            assertThat(r.query().get("timestamp")).isEqualTo(Long.toString(clock.millis()));
        });

        // The log, as a person of the unit reads it: masked mobile, robot addresses without their credential.
        JsonNode log = list("");
        assertThat(StreamSupport.stream(log.spliterator(), false).map(d -> d.path("address").asString()).toList())
                .contains("138****1234", "zhang-" + tag + "@district.example.gov.cn")
                .noneMatch(a -> a.contains(WECOM_KEY) || a.contains(DINGTALK_TOKEN) || a.contains("key="));
        assertThat(log.toString()).doesNotContain(WECOM_KEY, DINGTALK_TOKEN, DINGTALK_SECRET, SMS_KEY);

        // The chain's next step reaches the unit head, who takes email only.
        clock.set(T0.plus(Duration.ofMinutes(130)));
        watcher.watch();
        dispatcher.dispatch();
        assertThat(mailsTo("wang-" + tag + "@district.example.gov.cn")).singleElement()
                .satisfies(m -> assertThat((String) m.getContent()).contains("请单位负责人立即督办"));
        assertThat(ROBOTS.received("wecom")).hasSize(2);
        assertThat(SMS.sent()).hasSize(1);

        // A restarted service (a new dispatcher, the same database) sends none of it again.
        int mails = SMTP.getReceivedMessages().length;
        clock.set(T0.plus(Duration.ofMinutes(131)));
        DeliveryDispatcher.Pass pass = freshDispatcher().dispatch();
        watcher.watch();
        freshDispatcher().dispatch();
        assertThat(SMTP.getReceivedMessages()).hasSize(mails);
        assertThat(ROBOTS.received("wecom")).hasSize(2);
        assertThat(ROBOTS.received("dingtalk")).hasSize(2);
        assertThat(SMS.requests()).hasSize(1);
        assertThat(mine()).allSatisfy(d -> assertThat(d.get("status")).isEqualTo("SENT"));
        assertThat(pass.interrupted()).isZero();
    }

    @Test
    void a_failing_gateway_is_retried_with_doubling_waits_then_given_up_and_a_person_retries_it_by_hand() throws Exception {
        person("li-" + tag, "李干事", "ASSIGNEE", null, "13900005678");
        SMS.failNext(100, 503);
        notice("ASSIGNEE", "【超时催办】测试通知，请立即督办。");

        Instant at = T0;
        List<Long> waits = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            clock.set(at);
            dispatcher.dispatch();
            JsonNode d = delivery("SMS");
            assertThat(d.path("attempts").asInt()).isEqualTo(attempt);
            assertThat(d.path("lastError").asString()).contains("answered HTTP 503: gateway unavailable")
                    .doesNotContain(SMS_KEY);
            if (attempt < properties.maxAttempts()) {
                assertThat(d.path("status").asString()).isEqualTo("PENDING");
                Instant next = Instant.parse(d.path("nextAttemptAt").asString());
                waits.add(Duration.between(at, next).toSeconds());
                // Not due before its time.
                clock.set(next.minusSeconds(1));
                dispatcher.dispatch();
                assertThat(delivery("SMS").path("attempts").asInt()).isEqualTo(attempt);
                at = next;
            } else {
                assertThat(d.path("status").asString()).isEqualTo("FAILED");
                assertThat(d.path("nextAttemptAt").isNull()).isTrue();
            }
        }
        assertThat(waits).containsExactly(30L, 60L, 120L, 240L);
        assertThat(SMS.sent()).isEmpty();

        long id = delivery("SMS").path("id").asLong();
        String leader = TestTokens.shared().user("leader-" + tag).roles(Role.LEADER).units(unit).bearer();
        MvcTestResult retried = mvc.post().uri("/api/casework/notifications/deliveries/{id}/retry", id)
                .header(HttpHeaders.AUTHORIZATION, leader).exchange();
        assertThat(retried).hasStatusOk();
        JsonNode view = json.readTree(retried.getResponse().getContentAsByteArray());
        assertThat(view.path("status").asString()).isEqualTo("PENDING");
        assertThat(view.path("attempts").asInt()).isZero();
        assertThat(view.path("retriedBy").asString()).isEqualTo("leader-" + tag);

        SMS.failNext(0, 503);
        dispatcher.dispatch();
        assertThat(delivery("SMS").path("status").asString()).isEqualTo("SENT");
        assertThat(SMS.sent()).singleElement().extracting(SmsGatewayStub.Sms::to).isEqualTo("13900005678");
        // Every attempt is in the log: five failures, then the hand-retried success.
        assertThat(StreamSupport.stream(delivery("SMS").path("history").spliterator(), false)
                .map(h -> h.path("attempt").asInt() + " " + h.path("outcome").asString()).toList())
                .containsExactly("1 FAILED", "2 FAILED", "3 FAILED", "4 FAILED", "5 FAILED", "1 SENT");
        assertThat(delivery("SMS").path("history").get(1).path("startedAt").asString())
                .isEqualTo(T0.plusSeconds(30).toString());
        assertThat(delivery("SMS").path("history").get(0).path("error").asString()).contains("HTTP 503");

        MvcTestResult again = mvc.post().uri("/api/casework/notifications/deliveries/{id}/retry", id)
                .header(HttpHeaders.AUTHORIZATION, leader).exchange();
        assertThat(again).hasStatus(HttpStatus.CONFLICT);
        assertThat(again.getResponse().getContentAsString()).contains("only a FAILED delivery is retried by hand");
    }

    @Test
    void a_refusal_is_not_retried_and_a_busy_robot_is() {
        robots("{\"name\":\"错误密钥群\",\"kind\":\"WECOM\",\"webhookUrl\":\"" + ROBOTS.wecomWebhook("wrong-key") + "\"},"
                + "{\"name\":\"繁忙群\",\"kind\":\"DINGTALK\",\"webhookUrl\":\"" + ROBOTS.dingTalkWebhook(DINGTALK_TOKEN)
                + "\",\"secret\":\"" + DINGTALK_SECRET + "\"}");
        notice("ASSIGNEE", "【即将超时】测试通知");

        dispatcher.dispatch();
        JsonNode wecom = delivery("WECOM");
        assertThat(wecom.path("status").asString()).as("WeCom refused the key").isEqualTo("FAILED");
        assertThat(wecom.path("attempts").asInt()).isEqualTo(1);
        assertThat(wecom.path("lastError").asString()).contains("errcode 93000").doesNotContain("wrong-key");
        assertThat(delivery("DINGTALK").path("status").asString()).isEqualTo("SENT");

        ROBOTS.clear();
        ROBOTS.failNext("dingtalk", 1, -1);
        notice("UNIT_HEAD", "【超时催办】第二条");
        dispatcher.dispatch();
        JsonNode busy = deliveryOfText("DINGTALK", "【超时催办】第二条");
        assertThat(busy.path("status").asString()).as("system busy is worth another try").isEqualTo("PENDING");
        clock.set(T0.plusSeconds(30));
        dispatcher.dispatch();
        assertThat(deliveryOfText("DINGTALK", "【超时催办】第二条").path("status").asString()).isEqualTo("SENT");
    }

    @Test
    void an_attempt_cut_short_by_a_restart_is_resent_only_where_the_receiver_drops_the_repeat() {
        person("zhao-" + tag, "赵干事", "ASSIGNEE", null, "13700009999");
        robots("{\"name\":\"值班群\",\"kind\":\"WECOM\",\"webhookUrl\":\"" + ROBOTS.wecomWebhook(WECOM_KEY) + "\"}");
        notice("ASSIGNEE", "【超时催办】中断测试");
        // A dispatcher claimed this unit's deliveries (as DeliveryRepository#claim does), sent both, then the service
        // stopped before recording it.
        assertThat(jdbc.update("update casework.notification_delivery set status = 'SENDING', attempts = attempts + 1, "
                + "next_attempt_at = null, sending_since = ? where unit_id = ? and status = 'PENDING'",
                java.sql.Timestamp.from(clock.instant()), unit)).isEqualTo(2);
        for (String channel : List.of("SMS", "WECOM")) {
            Delivery d = deliveries.find(delivery(channel).path("id").asLong()).orElseThrow();
            assertThat(sender(channel).send(d).sent()).isTrue();
        }
        assertThat(SMS.sent()).hasSize(1);
        assertThat(ROBOTS.received("wecom")).hasSize(1);

        clock.set(T0.plus(properties.sendingLease()).minusSeconds(1));
        freshDispatcher().dispatch();
        assertThat(delivery("SMS").path("status").asString()).as("within the lease").isEqualTo("SENDING");

        clock.set(T0.plus(properties.sendingLease()).plusSeconds(1));
        DeliveryDispatcher.Pass pass = freshDispatcher().dispatch();

        assertThat(pass.interrupted()).isGreaterThanOrEqualTo(2);
        assertThat(delivery("SMS").path("status").asString()).isEqualTo("SENT");
        assertThat(SMS.requests()).hasSize(2);
        assertThat(SMS.requests().get(1).status()).isEqualTo(200);
        assertThat(SMS.requests().get(1).body().path("requestId").asString())
                .isEqualTo(SMS.requests().get(0).body().path("requestId").asString());
        assertThat(SMS.sent()).as("the gateway dropped the repeat").hasSize(1);
        JsonNode wecom = delivery("WECOM");
        assertThat(wecom.path("status").asString()).isEqualTo("FAILED");
        assertThat(wecom.path("lastError").asString()).contains("结果未知");
        assertThat(ROBOTS.received("wecom")).as("not posted a second time").hasSize(1);
        assertThat(outcomes(wecom)).containsExactly("INTERRUPTED");
        assertThat(outcomes(delivery("SMS"))).containsExactly("INTERRUPTED", "SENT");
    }

    @Test
    void a_notice_is_planned_once_per_channel_and_recipient() {
        person("sun-" + tag, "孙干事", "ASSIGNEE", "sun-" + tag + "@district.example.gov.cn", "13600001111");
        long notice = notice("ASSIGNEE", "【即将超时】一次");
        assertThat(mine()).hasSize(2);

        Integer replanned = new TransactionTemplate(transactions).execute(s -> planner.plan(notice,
                new Notice("ASSIGNEE", unit, null, "【即将超时】一次"), clock.instant()));
        assertThat(replanned).isZero();
        assertThat(mine()).hasSize(2);
        assertThat(DeliveryRepository.idempotencyKey(notice, "SMS", "sun-" + tag))
                .isEqualTo(DeliveryRepository.idempotencyKey(notice, "SMS", "sun-" + tag))
                .isNotEqualTo(DeliveryRepository.idempotencyKey(notice, "EMAIL", "sun-" + tag));
    }

    @Test
    void the_chains_assignee_step_reaches_the_cases_assignees_in_person_not_the_units_duty_officer() throws Exception {
        // The directory's 经办人 of the unit, and two people assigned to the case (one entered only as UNIT_HEAD).
        person("duty-" + tag, "值班员", "ASSIGNEE", "duty-" + tag + "@district.example.gov.cn", null);
        person("qian-" + tag, "钱科员", "UNIT_HEAD", "qian-" + tag + "@district.example.gov.cn", "13500002222");
        robots("{\"name\":\"应急值班群\",\"kind\":\"WECOM\",\"webhookUrl\":\"" + ROBOTS.wecomWebhook(WECOM_KEY) + "\"}");
        UUID caseId = openMajorCase();
        assertThat(mvc.put().uri("/api/casework/cases/{id}/assignees", caseId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"assignees\":[{\"login\":\"qian-" + tag + "\",\"unitId\":\"" + unit + "\"},"
                        + "{\"login\":\"sun-" + tag + "\",\"unitId\":\"" + unit + "\"}]}").exchange()).hasStatusOk();

        clock.set(T0.plus(Duration.ofMinutes(105)));
        watcher.watch();
        clock.set(T0.plus(Duration.ofHours(2)).plusSeconds(30));
        watcher.watch();

        assertThat(jdbc.queryForList("select recipient_role || ' ' || coalesce(recipient_login, '-') || ' ' || "
                + "substr(text, 1, 6) from casework.notification where case_id = ? order by id", String.class, caseId))
                .containsExactly("ASSIGNEE qian-" + tag + " 【即将超时】", "ASSIGNEE sun-" + tag + " 【即将超时】",
                        "ASSIGNEE qian-" + tag + " 【超时催办】", "ASSIGNEE sun-" + tag + " 【超时催办】");
        // Their own addresses only: no robot, not the unit's duty officer; sun has no directory entry (inbox only).
        assertThat(mine()).extracting(d -> d.get("channel") + " " + d.get("recipient"))
                .containsExactlyInAnyOrder("EMAIL qian-" + tag, "SMS qian-" + tag, "EMAIL qian-" + tag,
                        "SMS qian-" + tag);
        assertThat(inboxOf("qian-" + tag)).containsExactly("【超时催办】", "【即将超时】");
        assertThat(inboxOf("sun-" + tag)).containsExactly("【超时催办】", "【即将超时】");
        assertThat(inboxOf("duty-" + tag)).as("a personal notice is not in a unit colleague's inbox").isEmpty();
        long qians = jdbc.queryForObject("select max(id) from casework.notification where recipient_login = ?",
                Long.class, "qian-" + tag);
        assertThat(mvc.post().uri("/api/casework/notifications/{id}/read", qians).header(HttpHeaders.AUTHORIZATION,
                caller.bearer("duty-" + tag)).exchange()).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/api/casework/notifications/{id}/read", qians).header(HttpHeaders.AUTHORIZATION,
                caller.bearer("qian-" + tag)).exchange()).hasStatusOk();

        // The next steps are the unit's role-holders again.
        clock.set(T0.plus(Duration.ofMinutes(130)));
        watcher.watch();
        assertThat(jdbc.queryForList("select recipient_role || ' ' || coalesce(recipient_login, '-') "
                + "from casework.notification where case_id = ? order by id desc limit 1", String.class, caseId))
                .containsExactly("UNIT_HEAD -");
        dispatcher.dispatch();
        assertThat(mailsTo("qian-" + tag + "@district.example.gov.cn")).extracting(MimeMessage::getSubject)
                .anySatisfy(subject -> assertThat(subject).startsWith("【超时催办】"));
        assertThat(mailsTo("duty-" + tag + "@district.example.gov.cn")).isEmpty();
    }

    private List<String> inboxOf(String login) {
        MvcTestResult result = mvc.get().uri("/api/casework/notifications?unit={u}", unit)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer(login)).exchange();
        assertThat(result).hasStatusOk();
        return StreamSupport.stream(json.readTree(result.getResponse().getContentAsByteArray()).spliterator(), false)
                .map(n -> n.path("text").asString().substring(0, 6)).toList();
    }

    private static List<String> outcomes(JsonNode delivery) {
        return StreamSupport.stream(delivery.path("history").spliterator(), false)
                .map(h -> h.path("outcome").asString()).toList();
    }

    private DeliveryDispatcher freshDispatcher() {
        return new DeliveryDispatcher(new DeliveryRepository(dsl), properties, senders, clock, transactions);
    }

    private ChannelSender sender(String channel) {
        return senders.stream().filter(s -> s.channel().equals(channel)).findFirst().orElseThrow();
    }

    private UUID openMajorCase() {
        UUID incident = UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(s -> listener.on("grading",
                firstGrade(incident, unit, Level.MAJOR, T0)));
        return jdbc.queryForObject("select id from casework.case_file where incident_id = ?", UUID.class, incident);
    }

    private UUID incidentOf(UUID caseId) {
        return jdbc.queryForObject("select incident_id from casework.case_file where id = ?", UUID.class, caseId);
    }

    private long notice(String role, String text) {
        return new TransactionTemplate(transactions).execute(s -> {
            inbox.send(new Notice(role, unit, null, text));
            return jdbc.queryForObject("select max(id) from casework.notification where recipient_unit = ?", Long.class,
                    unit);
        });
    }

    private void person(String login, String name, String role, String email, String mobile) {
        String body = "{\"name\":\"" + name + "\",\"units\":[\"" + unit + "\"],\"roles\":[\"" + role + "\"]"
                + (email == null ? "" : ",\"email\":\"" + email + "\"")
                + (mobile == null ? "" : ",\"mobile\":\"" + mobile + "\"") + "}";
        assertThat(mvc.put().uri("/api/casework/contacts/people/{login}", login).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange()).hasStatusOk();
    }

    private void robots(String robots) {
        assertThat(mvc.put().uri("/api/casework/contacts/units/{unit}", unit).contentType(MediaType.APPLICATION_JSON)
                .content("{\"robots\":[" + robots + "]}").exchange()).hasStatusOk();
    }

    private JsonNode list(String query) {
        MvcTestResult result = mvc.get().uri("/api/casework/notifications/deliveries?unit=" + unit + query).exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private List<Map<String, Object>> mine() {
        return jdbc.queryForList("select channel, recipient, status, attempts from casework.notification_delivery "
                + "where unit_id = ? order by id", unit);
    }

    private JsonNode delivery(String channel) {
        Map<String, Object> row = jdbc.queryForMap("select id, idempotency_key from casework.notification_delivery "
                + "where unit_id = ? and channel = ? order by id limit 1", unit, channel);
        JsonNode view = StreamSupport.stream(list("&channel=" + channel).spliterator(), false)
                .filter(d -> d.path("id").asLong() == ((Number) row.get("id")).longValue()).findFirst().orElseThrow();
        return ((tools.jackson.databind.node.ObjectNode) view.deepCopy())
                .put("idempotencyKey", row.get("idempotency_key").toString());
    }

    private JsonNode deliveryOfText(String channel, String text) {
        return StreamSupport.stream(list("&channel=" + channel).spliterator(), false)
                .filter(d -> d.path("text").asString().equals(text)).findFirst().orElseThrow();
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
