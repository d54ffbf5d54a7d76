package org.yuqing.publishing.statements;

import java.util.Arrays;
import java.util.List;

/**
 * The drafting template of one statement kind (起草模板): what the drafter must keep in mind, and a skeleton title
 * and body whose 〔方括号〕 parts are to be filled in. The guidance follows the rule of the plans: 快报事实、慎报原因、
 * 重报进展 — report the facts fast, state causes only once established, keep reporting progress.
 *
 * @param kind     the statement kind
 * @param kindName its Chinese name
 * @param guidance what to write and what to avoid
 * @param title    skeleton title
 * @param body     skeleton body, paragraphs separated by newlines
 */
record StatementTemplate(StatementKind kind, String kindName, String guidance, String title, String body) {

    /** One template per kind, in the order of {@link StatementKind}. */
    static List<StatementTemplate> all() {
        return Arrays.stream(StatementKind.values()).map(StatementTemplate::of).toList();
    }

    static StatementTemplate of(StatementKind kind) {
        return switch (kind) {
            case FACT_REPORT -> new StatementTemplate(kind, kind.chineseName(),
                    "快报事实：第一时间发布已核实的基本事实（时间、地点、事件、伤亡、已采取的措施），不写未经证实的细节，"
                            + "不急于下结论；原因写“正在调查”，并说明将持续发布进展。",
                    "关于〔地点〕〔事件〕的情况通报",
                    "〔日期时间〕，〔地点〕发生〔事件〕。\n"
                            + "事件发生后，〔单位〕立即〔已采取的处置措施〕。目前〔伤亡／影响情况〕。\n"
                            + "事件原因正在调查中。后续情况将及时发布。");
            case CAUSE_STATEMENT -> new StatementTemplate(kind, kind.chineseName(),
                    "慎报原因：只写调查已经认定、有依据的原因，注明认定单位和依据；尚未查明的写明“仍在调查”，"
                            + "不猜测、不推卸、不预判责任。",
                    "关于〔事件〕原因的说明",
                    "经〔认定单位〕调查认定，〔事件〕系〔已认定的原因〕所致。\n"
                            + "〔依据：检测、勘验、调查结论〕。\n"
                            + "对〔尚未查明的部分〕，调查仍在进行，结果将及时公布。");
            case PROGRESS_UPDATE -> new StatementTemplate(kind, kind.chineseName(),
                    "重报进展：按时续报处置进展，说明与上次通报相比有何新情况（救援、善后、监测、调查、问责），"
                            + "注明下一次发布的时间或条件。",
                    "关于〔事件〕的进展通报（〔第N次〕）",
                    "截至〔日期时间〕，〔事件〕处置进展如下：\n"
                            + "一、〔救援／处置〕：〔进展〕。\n二、〔善后／监测〕：〔进展〕。\n三、〔调查〕：〔进展〕。\n"
                            + "下一步，〔单位〕将〔后续措施〕，并于〔时间〕前续报。");
            case RUMOUR_REBUTTAL -> new StatementTemplate(kind, kind.chineseName(),
                    "辟谣：先引述网传说法，再以核实的事实逐条回应，注明核实单位；提醒公众以权威发布为准，"
                            + "不扩散谣言原文中的不实细节。",
                    "关于网传“〔不实说法〕”的情况说明",
                    "近日，网上流传“〔不实说法〕”。\n"
                            + "经〔核实单位〕核实，〔事实〕。该说法不实。\n"
                            + "请广大网民以权威发布为准，不信谣、不传谣。对编造、传播谣言的行为，将依法处理。");
            case FORMAL_STATEMENT -> new StatementTemplate(kind, kind.chineseName(),
                    "声明：表明本单位的正式立场和态度，措辞严谨克制，只写本单位能负责的内容，必要时说明法律依据。",
                    "〔单位〕声明",
                    "针对〔事项〕，〔单位〕郑重声明如下：\n一、〔立场〕。\n二、〔措施／依据〕。\n特此声明。");
            case PRESS_RELEASE -> new StatementTemplate(kind, kind.chineseName(),
                    "新闻通稿：供媒体统一采用，导语写清何时何地何事，正文按重要性递减展开，数字和名称须经核对，"
                            + "末尾写联系人。",
                    "〔标题〕",
                    "〔导语：日期，地点，主体，事件〕。\n〔正文：背景、措施、数据〕。\n"
                            + "（媒体联系人：〔姓名〕，电话：〔号码〕）");
            case POST_REPLY -> new StatementTemplate(kind, kind.chineseName(),
                    "跟帖回复：回应网民在具体帖子下的关切，语气诚恳、简短，给出已核实的答复和办理渠道，不与网民争辩。",
                    "关于网民反映“〔问题〕”的回复",
                    "网友您好，您反映的〔问题〕已收悉。\n经了解，〔核实情况〕。\n"
                            + "〔单位〕将〔处理措施〕。如有疑问，可拨打〔电话〕咨询。感谢您的关注和监督。");
            case PRESS_CONFERENCE_NOTICE -> new StatementTemplate(kind, kind.chineseName(),
                    "发布会通知：写明发布会的时间、地点、主题、发布人和媒体报名方式，不提前透露发布内容。",
                    "关于召开〔事件〕新闻发布会的通知",
                    "〔单位〕定于〔日期时间〕在〔地点〕召开新闻发布会，通报〔主题〕。\n"
                            + "发布人：〔姓名、职务〕。\n请有意参加的媒体于〔时间〕前报名，联系人：〔姓名〕，电话：〔号码〕。");
            case CORRECTION_NOTICE -> new StatementTemplate(kind, kind.chineseName(),
                    "更正说明：写明更正的是哪一次发布、原表述是什么、正确的表述是什么，简要说明原因，不回避、不淡化；"
                            + "更正说明与原发布内容互相链接。",
                    "关于〔原发布标题〕的更正说明",
                    "〔日期〕发布的《〔原发布标题〕》中，“〔原表述〕”有误，现更正为“〔正确表述〕”。\n"
                            + "〔更正原因〕。特此更正。");
        };
    }
}
