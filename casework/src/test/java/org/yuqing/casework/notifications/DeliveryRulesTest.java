package org.yuqing.casework.notifications;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryRulesTest {

    private final NotificationProperties defaults = new NotificationProperties(null, null, null, null, null, null, null,
            null, null);

    @ParameterizedTest(name = "after {0} failed attempts wait {1} s")
    @CsvSource({"1, 30", "2, 60", "3, 120", "4, 240", "6, 960", "7, 1800", "40, 1800"})
    void the_wait_doubles_after_each_failure_up_to_the_longest_wait(int failed, long seconds) {
        assertThat(defaults.backoffAfter(failed)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void settings_that_would_never_send_are_refused_at_start() {
        assertThatThrownBy(() -> new NotificationProperties(null, 0, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotificationProperties(null, null, Duration.ZERO, null, null, null, null, null,
                null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new NotificationProperties.Sms(java.net.URI.create("https://sms.example.cn/send?k=1"), "topsecret",
                null).toString()).doesNotContain("topsecret", "k=1");
    }

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource({"13800001234, 138****1234", "+8613800001234, +86138****1234", "12345678, ******78"})
    void mobile_numbers_are_shown_masked(String mobile, String shown) {
        assertThat(DeliveryController.maskMobile(mobile)).isEqualTo(shown);
    }

    @Test
    void a_robot_text_over_the_byte_limit_is_cut_on_a_character_and_marked() {
        String text = "超时催办".repeat(1000);

        String fitted = GroupRobotSender.fit(text, WeComRobotSender.MAX_CONTENT_BYTES);

        assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048).isGreaterThan(2040);
        assertThat(fitted).endsWith("…").startsWith("超时催办超时催办");
        assertThat(GroupRobotSender.fit("短通知", 2048)).isEqualTo("短通知");
    }

    @Test
    void the_mail_subject_is_the_notices_first_clause() {
        assertThat(EmailSender.subject("【即将超时】重大舆情《化工厂爆炸》上报时限即将届满，请抓紧办理。"))
                .isEqualTo("【即将超时】重大舆情《化工厂爆炸》上报时限即将届满");
        assertThat(EmailSender.subject("无逗号的通知")).isEqualTo("无逗号的通知");
        assertThat(EmailSender.subject("长".repeat(150))).hasSize(100).endsWith("…");
    }

    @Test
    void the_dingtalk_signature_is_base64_hmac_sha256_of_timestamp_newline_secret() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("SECabc".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.Base64.getEncoder().encodeToString(
                mac.doFinal("1700000000000\nSECabc".getBytes(StandardCharsets.UTF_8)));

        assertThat(DingTalkRobotSender.sign("SECabc", "1700000000000")).isEqualTo(expected).hasSize(44);
    }
}
