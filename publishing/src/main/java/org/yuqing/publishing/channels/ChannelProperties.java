package org.yuqing.publishing.channels;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Configuration of the external channels under {@code yuqing.publishing.channels}; each is off by
 * default, so a fresh install releases to the built-in website only.
 *
 * @param email    email to the press list (SMTP server from {@code spring.mail.*})
 * @param webhook  signed JSON posts to CMS receivers
 * @param wecom    a WeCom (企业微信) group robot
 * @param dingtalk a DingTalk (钉钉) group robot
 * @param manual   releases made by hand (e.g. 政务微博 posted by the press officer) and proven by their URL
 * @param weibo    政务微博 through Weibo's {@code statuses/share} API
 * @param wechat   政务微信: the official account's draft and free-publish APIs
 */
@ConfigurationProperties("yuqing.publishing.channels")
public record ChannelProperties(Email email, Webhook webhook, WeCom wecom, DingTalk dingtalk, Manual manual,
                                Weibo weibo, WeChat wechat) {

    /** Binds the configuration; absent channels are off. */
    @ConstructorBinding
    public ChannelProperties {
        email = email == null ? new Email(false, List.of(), null) : email;
        webhook = webhook == null ? new Webhook(false, List.of(), null, null) : webhook;
        wecom = wecom == null ? new WeCom(false, null, null, null) : wecom;
        dingtalk = dingtalk == null ? new DingTalk(false, null, null, null, null) : dingtalk;
        manual = manual == null ? new Manual(false, null) : manual;
        weibo = weibo == null ? new Weibo(false, null, null, null, null, null) : weibo;
        wechat = wechat == null ? new WeChat(false, null, null, null, null, null, null) : wechat;
    }

    /** The channels without Weibo and the official account (both off). */
    public ChannelProperties(Email email, Webhook webhook, WeCom wecom, DingTalk dingtalk, Manual manual) {
        this(email, webhook, wecom, dingtalk, manual, null, null);
    }

    /**
     * 政务微博 via Weibo's open API: {@code POST <url>} (form {@code access_token}, {@code status}, {@code rip}).
     *
     * @param enabled     whether statements are posted; ignored (off) without access token or rip
     * @param url         the share endpoint (default {@code https://api.weibo.com/2/statuses/share.json})
     * @param accessToken the office account's OAuth2 access token (a credential: never logged nor shown)
     * @param rip         the real IP of the posting office that Weibo requires ({@code rip})
     * @param postUrl     prefix of a posted status's address, its {@code idstr} appended
     *                    (default {@code https://m.weibo.cn/status/})
     * @param timeout     how long Weibo may take (default 10 s)
     */
    public record Weibo(boolean enabled, URI url, String accessToken, String rip, String postUrl, Duration timeout) {

        public Weibo {
            url = url == null ? URI.create("https://api.weibo.com/2/statuses/share.json") : url;
            postUrl = postUrl == null || postUrl.isBlank() ? "https://m.weibo.cn/status/" : postUrl.strip();
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        /** Whether posts go out: switched on, with an access token and the office's IP. */
        public boolean active() {
            return enabled && accessToken != null && !accessToken.isBlank() && rip != null && !rip.isBlank();
        }

        @Override
        public String toString() {
            return "Weibo[enabled=" + enabled + ", url=" + url + ", accessToken=****, rip=" + rip + ", postUrl="
                    + postUrl + ", timeout=" + timeout + "]";
        }
    }

    /**
     * 政务微信 (official account): access token from {@code POST <baseUrl>/cgi-bin/stable_token}, the article as a draft
     * ({@code /cgi-bin/draft/add}), published with {@code /cgi-bin/freepublish/submit} and followed with
     * {@code /cgi-bin/freepublish/get}.
     *
     * @param enabled      whether statements are published; ignored (off) without app id, secret and cover
     * @param baseUrl      the API's address (default {@code https://api.weixin.qq.com})
     * @param appId        the account's AppID
     * @param appSecret    the account's AppSecret (a credential: never logged nor shown)
     * @param thumbMediaId the permanent image material used as every article's cover ({@code thumb_media_id})
     * @param author       the articles' author (default: none), at most 16 characters
     * @param timeout      how long one call may take (default 10 s)
     */
    public record WeChat(boolean enabled, URI baseUrl, String appId, String appSecret, String thumbMediaId,
                         String author, Duration timeout) {

        public WeChat {
            baseUrl = baseUrl == null ? URI.create("https://api.weixin.qq.com") : baseUrl;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            author = author == null || author.isBlank() ? null : author.strip();
        }

        /** Whether articles go out: switched on, with app id, secret and cover image. */
        public boolean active() {
            return enabled && present(appId) && present(appSecret) && present(thumbMediaId);
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }

        @Override
        public String toString() {
            return "WeChat[enabled=" + enabled + ", baseUrl=" + baseUrl + ", appId=" + appId + ", appSecret=****, "
                    + "thumbMediaId=" + thumbMediaId + ", author=" + author + ", timeout=" + timeout + "]";
        }
    }

    /**
     * A WeCom group robot (企业微信群机器人): {@code POST <url>?key=<key>} with a markdown message.
     *
     * @param enabled whether statements are posted; ignored (off) without a key
     * @param url     the robot endpoint without query (default {@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send})
     * @param key     the robot's key (a credential: never logged nor shown)
     * @param timeout how long the robot may take (default 10 s)
     */
    public record WeCom(boolean enabled, URI url, String key, Duration timeout) {

        public WeCom {
            url = url == null ? URI.create("https://qyapi.weixin.qq.com/cgi-bin/webhook/send") : url;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        /** Whether posts go out: switched on, with a key. */
        public boolean active() {
            return enabled && key != null && !key.isBlank();
        }

        @Override
        public String toString() {
            return "WeCom[enabled=" + enabled + ", url=" + url + ", key=****, timeout=" + timeout + "]";
        }
    }

    /**
     * A DingTalk group robot (钉钉自定义机器人): {@code POST <url>?access_token=<token>} with a markdown message, signed
     * ({@code timestamp} and {@code sign} query parameters) when the robot's 加签 secret is configured.
     *
     * @param enabled     whether statements are posted; ignored (off) without an access token
     * @param url         the robot endpoint without query (default {@code https://oapi.dingtalk.com/robot/send})
     * @param accessToken the robot's access token (a credential: never logged nor shown)
     * @param secret      the robot's signing secret ({@code SEC…}), optional; never logged nor shown
     * @param timeout     how long the robot may take (default 10 s)
     */
    public record DingTalk(boolean enabled, URI url, String accessToken, String secret, Duration timeout) {

        public DingTalk {
            url = url == null ? URI.create("https://oapi.dingtalk.com/robot/send") : url;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        /** Whether posts go out: switched on, with an access token. */
        public boolean active() {
            return enabled && accessToken != null && !accessToken.isBlank();
        }

        /** Whether requests are signed (加签). */
        public boolean signed() {
            return secret != null && !secret.isBlank();
        }

        @Override
        public String toString() {
            return "DingTalk[enabled=" + enabled + ", url=" + url + ", accessToken=****, secret="
                    + (signed() ? "****" : "none") + ", timeout=" + timeout + "]";
        }
    }

    /**
     * The manual channel (人工发布): a release is queued PENDING with copy-ready text, somebody posts it by hand and a
     * publisher records the proof URL.
     *
     * @param enabled   whether published statements are queued for a manual release
     * @param rendition which rendition is the copy-ready text (default {@code microblog})
     */
    public record Manual(boolean enabled, String rendition) {

        public Manual {
            rendition = rendition == null || rendition.isBlank() ? "microblog" : rendition.strip();
        }
    }

    /**
     * Email to the press (新闻媒体邮件).
     *
     * @param enabled    whether statements are mailed; ignored (off) when no recipient is configured
     * @param recipients the press list, sent as Bcc so journalists do not see each other
     * @param from       the office's address the mail comes from (also its To)
     */
    public record Email(boolean enabled, List<String> recipients, String from) {

        public Email {
            recipients = recipients == null ? List.of()
                    : recipients.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
        }

        /** Whether mail goes out: switched on, with a sender and at least one recipient. */
        public boolean active() {
            return enabled && !recipients.isEmpty() && from != null && !from.isBlank();
        }
    }

    /**
     * Signed webhook (网站群 / CMS 接口).
     *
     * @param enabled whether statements are posted; ignored (off) without URLs or secret
     * @param urls    the receivers; a delivery succeeds only when every one answers 2xx
     * @param secret  the HMAC-SHA256 key shared with the receivers; never logged nor shown
     * @param timeout how long one receiver may take (default 10 s)
     */
    public record Webhook(boolean enabled, List<URI> urls, String secret, Duration timeout) {

        public Webhook {
            urls = urls == null ? List.of() : List.copyOf(urls);
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        /** Whether posts go out: switched on, with at least one URL and a secret. */
        public boolean active() {
            return enabled && !urls.isEmpty() && secret != null && !secret.isEmpty();
        }

        @Override
        public String toString() {
            return "Webhook[enabled=" + enabled + ", urls=" + urls + ", secret=****, timeout=" + timeout + "]";
        }
    }
}
