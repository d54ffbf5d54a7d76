package org.yuqing.publishing.channels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yuqing.publishing.renditions.Master;
import org.yuqing.publishing.renditions.Rendition;
import org.yuqing.publishing.renditions.Renditions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 政务微信: the statement as an article of the official account, in three calls of its published API, each step's
 * result saved as the release's progress before the next: {@code POST /cgi-bin/draft/add} (the approved
 * {@code wechat} rendition as content, the public page as {@code content_source_url}, the configured cover) →
 * {@code media_id}; {@code POST /cgi-bin/freepublish/submit} → {@code publish_id}; {@code POST
 * /cgi-bin/freepublish/get} → {@code publish_status} 0 (published: the article's URL becomes the release's URL),
 * 1 (still publishing: PENDING, the worker asks again later) or a failure.
 *
 * <p>A retry continues where the last attempt stopped: a saved draft is not added again, a known publish job is
 * only asked for. When a submit's answer was lost, the retry submits the same draft again; WeChat removes a draft
 * once it is published, so that submit cannot publish twice — it fails ("invalid media_id") and the release says
 * to look at the account's 发表记录. AppSecret and tokens are never logged.
 */
@Component
class WeChatChannel implements Channel {

    static final String NAME = "wechat";
    /** The draft is gone (published or deleted): WeChat's "invalid media_id". */
    static final int INVALID_MEDIA_ID = 40007;

    private static final Logger log = LoggerFactory.getLogger(WeChatChannel.class);

    private final ChannelProperties.WeChat settings;
    private final Renditions renditions;
    private final JsonMapper json;
    private final WeChatApi api;

    WeChatChannel(ChannelProperties properties, Renditions renditions, JsonMapper json, Clock clock) {
        this.settings = properties.wechat();
        this.renditions = renditions;
        this.json = json;
        this.api = new WeChatApi(settings, json, clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return settings.active();
    }

    @Override
    public Delivery deliver(Publication p) {
        return deliver(p, DeliveryProgress.inMemory());
    }

    @Override
    public Delivery deliver(Publication p, DeliveryProgress progress) {
        Steps steps = progress.load().map(this::read).orElse(new Steps(null, null, false));
        try {
            if (steps.mediaId() == null) {
                JsonNode draft = api.call("/cgi-bin/draft/add", Map.of("articles", List.of(article(p))));
                steps = new Steps(draft.path("media_id").asString(""), null, false);
                if (steps.mediaId().isEmpty()) {
                    return fail(p, "/cgi-bin/draft/add answered without media_id");
                }
                progress.save(write(steps));
            }
            if (steps.publishId() == null) {
                boolean resubmit = steps.submitting();
                progress.save(write(new Steps(steps.mediaId(), null, true)));
                JsonNode submitted;
                try {
                    submitted = api.call("/cgi-bin/freepublish/submit", Map.of("media_id", steps.mediaId()));
                } catch (WeChatApi.Failure f) {
                    if (resubmit && f.errcode() == INVALID_MEDIA_ID) {
                        return fail(p, "draft " + steps.mediaId() + " is gone: the earlier submit whose answer was "
                                + "lost has probably published it; check the account's 发表记录 before releasing again");
                    }
                    throw f;
                }
                steps = new Steps(steps.mediaId(), submitted.path("publish_id").asString(""), false);
                if (steps.publishId().isEmpty()) {
                    return fail(p, "/cgi-bin/freepublish/submit answered without publish_id");
                }
                progress.save(write(steps));
            }
            JsonNode job = api.call("/cgi-bin/freepublish/get", Map.of("publish_id", steps.publishId()));
            int status = job.path("publish_status").asInt(-1);
            if (status == 0) {
                String url = job.path("article_detail").path("item").path(0).path("article_url").asString(null);
                log.info("statement {} published on the official account (publish_id {})", p.statementId(),
                        steps.publishId());
                return new Delivery(NAME, url, Delivery.Status.DELIVERED);
            }
            if (status == 1) {
                return new Delivery(NAME, null, Delivery.Status.PENDING);
            }
            // a failed publish job: the next attempt submits the draft again
            progress.save(write(new Steps(steps.mediaId(), null, false)));
            return fail(p, "publish job " + steps.publishId() + " ended with publish_status " + status
                    + " (" + statusName(status) + ")");
        } catch (WeChatApi.Failure f) {
            return fail(p, f.getMessage());
        }
    }

    private Map<String, Object> article(Publication p) {
        Rendition html = renditions.of(new Master(p.statementId(), p.kindName(), p.title(), p.body(), p.publicUrl()),
                "wechat").orElseThrow();
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("title", p.title());
        if (settings.author() != null) {
            article.put("author", settings.author());
        }
        article.put("content", html.content());
        article.put("content_source_url", p.publicUrl());
        article.put("thumb_media_id", settings.thumbMediaId());
        article.put("need_open_comment", 0);
        article.put("only_fans_can_comment", 0);
        return article;
    }

    private static String statusName(int status) {
        return switch (status) {
            case 2 -> "原创失败";
            case 3 -> "常规失败";
            case 4 -> "平台审核不通过";
            case 5 -> "成功后用户删除所有文章";
            case 6 -> "成功后系统封禁所有文章";
            default -> "unknown";
        };
    }

    private static Delivery fail(Publication p, String error) {
        log.warn("statement {} official account failed: {}", p.statementId(), error);
        return Delivery.failed(NAME, error);
    }

    /**
     * How far the delivery got.
     *
     * @param mediaId    the draft, once added
     * @param publishId  the publish job, once submitted
     * @param submitting a submit was sent and its answer not yet recorded
     */
    record Steps(String mediaId, String publishId, boolean submitting) {
    }

    private Steps read(String saved) {
        try {
            JsonNode n = json.readTree(saved);
            return new Steps(n.path("mediaId").asString(null), n.path("publishId").asString(null),
                    n.path("submitting").asBoolean(false));
        } catch (JacksonException e) {
            return new Steps(null, null, false);
        }
    }

    private String write(Steps steps) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mediaId", steps.mediaId());
        if (steps.publishId() != null) {
            out.put("publishId", steps.publishId());
        }
        out.put("submitting", steps.submitting());
        return json.writeValueAsString(out);
    }
}
