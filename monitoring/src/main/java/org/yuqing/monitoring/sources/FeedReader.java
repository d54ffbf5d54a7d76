package org.yuqing.monitoring.sources;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.DateParser;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an RSS (0.91, 1.0, 2.0) or Atom document into entries, tolerating what real feeds get wrong.
 *
 * <p>Character set, in this order: a byte order mark; bytes that are valid UTF-8 and not plain ASCII are UTF-8 whatever
 * is declared (GBK or Big5 text is practically never valid UTF-8, while a UTF-8 feed declaring GBK is a common
 * mistake); the charset of the HTTP {@code Content-Type} header, else of the XML prolog, when the bytes decode in it
 * without error; else GB18030 or Big5, whichever decoding yields more of the most frequent Chinese characters (so a
 * GBK or Big5 feed without any declaration reads right).
 *
 * <p>Well-formedness: HTML named entities that XML does not define ({@code &nbsp;}, {@code &ldquo;} …) are turned into
 * character references and a {@code DOCTYPE} is dropped (no DTD is ever read) before parsing. A document that still
 * is not well-formed (truncated, stray markup) is read leniently item by item: every complete {@code <item>} or
 * {@code <entry>} is kept and {@link Parsed#problem()} says what was wrong, so the source shows it.
 */
final class FeedReader {

    /** One entry as read: {@code link} and {@code publishedAt} may be null; text is plain (HTML stripped). */
    record Entry(String uri, String link, String title, String text, Instant publishedAt) {
    }

    /**
     * A document as read.
     *
     * @param entries its entries, in document order
     * @param charset the character set it was decoded with
     * @param problem why the document is not a well-formed feed when its entries were recovered leniently, else null
     */
    record Parsed(List<Entry> entries, Charset charset, String problem) {
    }

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)\"?");
    private static final Pattern DROPPED_ELEMENTS = Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|h[1-6]|tr)\\s*>");
    private static final Pattern TAGS = Pattern.compile("(?s)<!--.*?-->|<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});");
    private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
            Map.entry("hellip", "…"), Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("middot", "·"));

    private static final Pattern PROLOG_ENCODING = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
    private static final Pattern DOCTYPE = Pattern.compile("(?is)<!DOCTYPE[^>\\[]*(\\[.*?\\])?\\s*>");
    private static final Pattern NAMED_ENTITY = Pattern.compile("&([a-zA-Z][a-zA-Z0-9]{1,7});");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final Pattern ITEM = Pattern.compile("(?is)<(item|entry)(?:\\s[^>]*)?>(.*?)</\\1\\s*>");
    private static final Pattern CDATA = Pattern.compile("(?s)<!\\[CDATA\\[(.*?)]]>");
    private static final Pattern LINK_HREF = Pattern.compile("(?is)<link\\b([^>]*?)/?>");
    private static final Pattern HREF = Pattern.compile("(?is)\\bhref\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern REL = Pattern.compile("(?is)\\brel\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final Charset GB18030 = Charset.forName("GB18030");
    /**
     * The most frequent Chinese characters, simplified and traditional: a correct decoding of Chinese text is full of
     * them, a decoding in the wrong double-byte charset yields rare characters, symbols and private-use code points.
     */
    private static final String FREQUENT = "的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會"
            + "可也你对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同"
            + "现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實日者意无無力它与與长長"
            + "把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并物手应應战戰向头頭文体體"
            + "政美相见見被利什二等产產或新己制身果加西月话話合回特代内信表化老给給世位次度门門任常先海通教儿兒原东東"
            + "声聲提立及比员員解水名真论論处處走义義各入几幾口认認条條平系气氣题題活更别別打女变變四神总總何电電数數"
            + "安少报報才结結反受目太量再感建务務做接必场場件计計管期市直资資命山金指克许許统統区區保至队隊形社便空"
            + "决決治展马馬科司五基眼书書非则則听聽白却卻界达達光放强強即像难難且权權思王象完设設式色路记記南品住告类"
            + "類求据據程北边邊死张張该該交规規万萬取拉格望觉覺术術领領共确確传傳师師观觀清今切院让讓识識候带帶导導争爭"
            + "运運笑飞飛风風步改收根干造言联聯持组組每济濟车車亲親极極林服快办辦议議往元英士证證近失转轉夫令准准布始"
            + "怎呢存未远遠叫台单單影具罗羅字爱愛击擊流备備兵连連调調深商算质質团團集百需价價花党黨华華城石级級整府"
            + "离離况況亚亞请請技际際约約示复復病息究线線似官火断斷精满滿支视視消越器容照须須九增研写寫称稱企八功"
            + "吗嗎包片史委乎查轻輕易早曾除农農找装裝广廣显顯吧阿李标標谈談吃图圖念六引历歷首医醫局突专專费費号號"
            + "尽盡另周较較注语語仅僅考落青随隨选選列武红紅响響虽雖推势勢参參希古众眾构構房半节節土投某案黑维維革"
            + "划劃敌敵致陈陳律足态態护護七兴興派孩验驗责責营營星够夠章音跟志底站严嚴巴例防族供效续續施留讲講型料"
            + "终終答紧緊黄黃绝絕奇察母京段依批群项項故按河米围圍江织織害斗双雙境客纪紀采举舉杀殺攻父苏蘇密低朝友"
            + "诉訴止细細愿願千值仍男钱錢破网網热熱助倒育属屬坐帝限船脸臉职職速刻乐樂否刚剛威毛状狀率甚独獨球般普怕"
            + "弹彈校苦创創假久错錯承印晚兰蘭试試股拿脑腦预預谁誰益阳陽若哪微尼继繼送急血惊驚伤傷素药藥适適波夜省"
            + "初喜卫衛源食险險待述陆陸习習置居劳勞财財环環排福纳納欢歡雷警获獲模充负負云雲停木游龙龍树樹疑层層冷"
            + "洲冲衝射略范竟句室异異激汉漢村哈策演简簡卡罪判担擔州静靜退既衣您宗积積余痛检檢差富灵靈协協角占配征"
            + "修皮挥揮胜勝降阶階审審沉坚堅善妈媽刘劉读讀啊超免压壓银銀买買皇养養伊怀懷执執副乱亂抗犯追帮幫宣佛岁歲"
            + "航优優怪香著田铁鐵控税稅左右份穿艺藝背阵陣草脚腳概恶惡块塊顿頓敢守酒岛島托央户戶烈洋哥索胡款靠评評"
            + "版宝寶座释釋景顾顧弟登货貨互付伯慢欧歐换換闻聞危忙核暗姐介坏壞讨討丽麗良序升监監临臨亮露永呼味野架"
            + "域沙掉括舰艦鱼魚杂雜误誤湾灣吉减減编編楚肯测測败敗屋跑梦夢散温溫困剑劍渐漸封救贵貴枪槍缺楼樓县縣"
            + "厂廠爆炸泄洩漏事故通报報记者記者市民网友網友消防救援伤亡傷亡";

    private FeedReader() {
    }

    /**
     * Parses the document; a document that is not well-formed yields its complete entries and a problem.
     *
     * @param contentType the HTTP Content-Type header, may be null
     * @throws FeedUnavailableException when it is no feed at all (not XML, not RSS or Atom, no entry to recover)
     */
    static Parsed read(byte[] body, String contentType) throws FeedUnavailableException {
        Charset charset = charset(body, contentType);
        String text = new String(body, charset);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = wellFormedEntities(DOCTYPE.matcher(text).replaceFirst(""));
        SyndFeed feed;
        try (Reader reader = new StringReader(text)) {
            feed = new SyndFeedInput().build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            String problem = "unreadable feed: " + e.getMessage();
            List<Entry> recovered = recover(text);
            if (recovered.isEmpty()) {
                throw new FeedUnavailableException(problem, e);
            }
            return new Parsed(recovered, charset, problem + " (" + recovered.size() + " complete entries read leniently)");
        }
        List<Entry> entries = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            entries.add(new Entry(e.getUri(), link(e), plain(e.getTitle()), plain(content(e)),
                    instant(e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate())));
        }
        return new Parsed(entries, charset, null);
    }

    /** The character set the document is decoded with (see the class comment). */
    static Charset charset(byte[] body, String contentType) {
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        boolean ascii = true;
        for (byte b : body) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (!ascii && decodes(body, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        Charset declared = httpCharset(contentType);
        if (declared == null) {
            declared = prologCharset(body);
        }
        if (declared != null && (ascii || decodes(body, declared))) {
            return declared;
        }
        if (ascii) {
            return StandardCharsets.UTF_8;
        }
        Charset best = null;
        long bestScore = -1;
        for (Charset candidate : List.of(GB18030, BIG5)) {
            if (decodes(body, candidate)) {
                long score = new String(body, candidate).codePoints().filter(c -> FREQUENT.indexOf(c) >= 0).count();
                if (score > bestScore) {
                    best = candidate;
                    bestScore = score;
                }
            }
        }
        return best != null ? best : declared != null ? declared : GB18030;
    }

    private static Charset prologCharset(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = PROLOG_ENCODING.matcher(head);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static boolean decodes(byte[] body, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** HTML named entities XML does not know become character references; unknown names are escaped as text. */
    private static String wellFormedEntities(String xml) {
        return NAMED_ENTITY.matcher(xml).replaceAll(m -> {
            String name = m.group(1);
            if (XML_ENTITIES.contains(name)) {
                return Matcher.quoteReplacement(m.group());
            }
            String value = ENTITIES.get(name.toLowerCase(Locale.ROOT));
            return value == null ? Matcher.quoteReplacement("&amp;" + name + ";") : "&#" + value.codePointAt(0) + ";";
        });
    }

    /**
     * The complete items or entries of a document that is not well-formed, read field by field; an incomplete one (a
     * truncated document's last) is left out.
     */
    static List<Entry> recover(String xml) {
        List<Entry> entries = new ArrayList<>();
        Matcher item = ITEM.matcher(xml);
        while (item.find()) {
            String body = item.group(2);
            String link = element(body, "link");
            if (link == null || link.isBlank()) {
                link = atomLink(body);
            }
            String uri = first(body, "guid", "id");
            String text = first(body, "content:encoded", "content", "description", "summary");
            String date = first(body, "pubDate", "dc:date", "published", "updated");
            entries.add(new Entry(uri == null ? null : plain(uri), link == null ? null : plain(link).strip(),
                    plain(element(body, "title")), plain(text), date == null ? null : date(plain(date))));
        }
        return entries;
    }

    private static String first(String body, String... names) {
        for (String name : names) {
            String value = element(body, name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The content of the first element of this name, CDATA unwrapped or XML entities decoded; null when absent. */
    private static String element(String body, String name) {
        Matcher m = Pattern.compile("(?is)<" + Pattern.quote(name) + "(?:\\s[^>]*)?>(.*?)</" + Pattern.quote(name) + "\\s*>")
                .matcher(body);
        if (!m.find()) {
            return null;
        }
        String content = m.group(1);
        Matcher cdata = CDATA.matcher(content);
        if (cdata.find()) {
            StringBuilder out = new StringBuilder();
            do {
                out.append(cdata.group(1));
            } while (cdata.find());
            return out.toString();
        }
        return content.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private static String atomLink(String body) {
        Matcher link = LINK_HREF.matcher(body);
        while (link.find()) {
            Matcher href = HREF.matcher(link.group(1));
            Matcher rel = REL.matcher(link.group(1));
            if (href.find() && (!rel.find() || "alternate".equalsIgnoreCase(rel.group(1)))) {
                return href.group(1);
            }
        }
        return null;
    }

    private static Instant date(String text) {
        Date parsed = DateParser.parseDate(text.strip(), Locale.US);
        return parsed == null ? null : parsed.toInstant();
    }

    /** The charset the HTTP header names, or null when it names none or one the JVM does not know. */
    static Charset httpCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String link(SyndEntry e) {
        if (e.getLink() != null && !e.getLink().isBlank()) {
            return e.getLink().strip();
        }
        for (SyndLink l : e.getLinks()) {
            if (l.getHref() != null && !l.getHref().isBlank() && (l.getRel() == null || "alternate".equals(l.getRel()))) {
                return l.getHref().strip();
            }
        }
        return null;
    }

    private static String content(SyndEntry e) {
        StringBuilder content = new StringBuilder();
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                content.append(c.getValue()).append('\n');
            }
        }
        if (!content.isEmpty()) {
            return content.toString();
        }
        return e.getDescription() == null ? null : e.getDescription().getValue();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** The text of an HTML fragment: elements dropped, entities decoded, whitespace collapsed. */
    static String plain(String html) {
        if (html == null) {
            return "";
        }
        String s = DROPPED_ELEMENTS.matcher(html).replaceAll(" ");
        s = BREAKS.matcher(s).replaceAll("\n");
        s = TAGS.matcher(s).replaceAll(" ");
        s = ENTITY.matcher(s).replaceAll(m -> Matcher.quoteReplacement(entity(m.group(1), m.group())));
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n")) {
            String collapsed = line.replaceAll("[\\s\\u00A0\\u3000]+", " ").strip();
            if (!collapsed.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n").append(collapsed);
            }
        }
        return out.toString();
    }

    private static String entity(String name, String whole) {
        if (name.startsWith("#")) {
            try {
                int cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) ? Character.toString(cp) : whole;
            } catch (NumberFormatException e) {
                return whole;
            }
        }
        return ENTITIES.getOrDefault(name.toLowerCase(Locale.ROOT), whole);
    }
}
