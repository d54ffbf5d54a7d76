package org.yuqing.publishing.channels;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.yuqing.publishing.PublishingProperties;
import org.yuqing.publishing.renditions.Master;
import org.yuqing.publishing.renditions.Renditions;

import java.net.URI;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmailChannelTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String OFFICE = "press-office@district.example.gov.cn";
    private static final List<String> PRESS = List.of("desk@news.example.cn", "reporter@daily.example.cn");
    private static final Renditions RENDITIONS = new Renditions(new PublishingProperties(
            URI.create("https://news.example.gov.cn"), "权威发布", "东湖区新闻办", "Asia/Shanghai"));

    @Test
    void the_press_list_receives_a_multipart_alternative_mail_with_the_chinese_title() throws Exception {
        Publication p = WebhookChannelTest.publication();

        Delivery d = channel(PRESS).deliver(p);

        assertThat(d.status()).as(d.error()).isEqualTo(Delivery.Status.DELIVERED);
        MimeMessage[] received = smtp.getReceivedMessages();
        // one copy per envelope recipient: the office (To) and both Bcc addresses
        assertThat(received).hasSize(3);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("【事实通报】关于东湖化工厂泄漏的情况通报");
        String rawSubject = m.getHeader("Subject")[0];
        assertThat(rawSubject).startsWithIgnoringCase("=?UTF-8?").doesNotContain("东湖");
        assertThat(MimeUtility.decodeText(MimeUtility.unfold(rawSubject))).isEqualTo(m.getSubject());
        assertThat(addresses(m.getFrom())).containsExactly(OFFICE);
        assertThat(addresses(m.getRecipients(Message.RecipientType.TO))).containsExactly(OFFICE);
        assertThat(m.getHeader("Bcc")).as("Bcc is not disclosed to recipients").isNull();
        for (String journalist : PRESS) {
            assertThat(inboxSize(journalist)).as(journalist).isEqualTo(1);
        }
        assertThat(m.getMessageID()).isEqualTo("<statement-" + p.statementId() + "@yuqing.publishing>");
        assertThat(m.getHeader("X-Yuqing-Statement")[0]).isEqualTo(p.statementId().toString());

        assertThat(m.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("UTF-8");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        var approved = RENDITIONS.of(new Master(p.statementId(), p.kindName(), p.title(), p.body(), p.publicUrl()),
                "email").orElseThrow();
        assertThat(m.getSubject()).isEqualTo(approved.subject());
        assertThat(text.replace("\r\n", "\n")).as("the approved email rendition, not the master re-formatted")
                .isEqualTo(approved.content());
        assertThat(text).contains("东湖区新闻办");
        assertThat(text).contains("今日上午，东湖一家化工厂发生泄漏。").contains("<script>alert('x')</script>")
                .contains(p.publicUrl());
        assertThat(html).contains("<p>今日上午，东湖一家化工厂发生泄漏。</p>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;引号&quot;")
                .doesNotContain("<script>")
                .contains("href=\"" + p.publicUrl() + "\"");
    }

    @Test
    void an_unreachable_smtp_server_fails_the_delivery_with_the_reason() {
        JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
        nowhere.setHost("127.0.0.1");
        nowhere.setPort(9);

        Delivery d = channel(PRESS, nowhere).deliver(WebhookChannelTest.publication());

        assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(d.error()).startsWith("SMTP:");
    }

    @Test
    void without_recipients_or_smtp_server_the_channel_is_off() {
        assertThat(channel(List.of()).enabled()).isFalse();
        assertThat(new EmailChannel(new ChannelProperties(new ChannelProperties.Email(true, PRESS, OFFICE), null, null, null, null),
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), RENDITIONS).enabled()).isFalse();
        assertThat(new EmailChannel(new ChannelProperties(new ChannelProperties.Email(false, PRESS, OFFICE), null, null, null, null),
                provider(sender()), RENDITIONS).enabled()).isFalse();
        assertThat(channel(PRESS).enabled()).isTrue();
    }

    private static EmailChannel channel(List<String> recipients) {
        return channel(recipients, sender());
    }

    private static EmailChannel channel(List<String> recipients, JavaMailSender sender) {
        return new EmailChannel(new ChannelProperties(new ChannelProperties.Email(true, recipients, OFFICE), null, null, null, null),
                provider(sender), RENDITIONS);
    }

    private static org.springframework.beans.factory.ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
        return new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class);
    }

    private static JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        return sender;
    }

    private static int inboxSize(String email) throws Exception {
        var user = smtp.getUserManager().getUserByEmail(email);
        return user == null ? 0 : smtp.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
    }
}
