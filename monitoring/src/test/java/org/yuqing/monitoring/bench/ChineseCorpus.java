package org.yuqing.monitoring.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generated, deterministic Chinese text for the benchmarks: topics the way 舆情 users write them (region, subject,
 * event and exclude words) and posts of realistic length made of everyday words with those words sown in, so a share
 * of the posts match topics. Word lists: {@code bench/words.txt} and {@code bench/namechars.txt}.
 */
final class ChineseCorpus {

    /** A topic's word groups (the shape of {@code org.yuqing.monitoring.topics.Topic}). */
    record TopicWords(List<String> region, List<String> subject, List<String> event, List<String> exclude) {

        int keywords() {
            return region.size() + subject.size() + event.size() + exclude.size();
        }
    }

    /** A generated post. */
    record Post(String title, String text, String site, String mediaType, long reads) {
    }

    private static final String[] SITES = {"www.thepaper.cn", "news.cn", "people.com.cn", "weibo.com", "tieba.baidu.com",
            "www.toutiao.com", "mp.weixin.qq.com", "www.douyin.com", "bbs.local-forum.cn", "www.gov.cn", "news.163.com",
            "www.sohu.com", "www.ifeng.com", "www.bilibili.com", "www.zhihu.com"};
    private static final String[] MEDIA = {"NEWS", "FORUM", "WEIBO", "WECHAT", "VIDEO", "GOVERNMENT", "OTHER"};
    private static final String PUNCTUATION = "，，，，。。、！？；";

    private final List<String> regions;
    private final List<String> institutions;
    private final List<String> places;
    private final List<String> events;
    private final List<String> excludes;
    private final List<String> filler;
    private final List<String> subjects;

    /**
     * @param subjectCount how many distinct subject names (name characters + institution) to generate
     * @param seed         the seed of every random choice
     */
    ChineseCorpus(int subjectCount, long seed) {
        Map<String, List<String>> words = sections("/bench/words.txt");
        List<String> nameChars = sections("/bench/namechars.txt").get("");
        regions = words.get("region");
        institutions = words.get("institution");
        events = words.get("event");
        excludes = words.get("exclude");
        filler = words.get("filler");
        SplittableRandom r = new SplittableRandom(seed);
        Set<String> generatedPlaces = new LinkedHashSet<>(regions);
        List<String> suffixes = words.get("suffix-place");
        while (generatedPlaces.size() < regions.size() + 2_000) {
            generatedPlaces.add(pick(nameChars, r) + pick(nameChars, r) + pick(suffixes, r));
        }
        places = List.copyOf(generatedPlaces);
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < subjectCount) {
            names.add(pick(nameChars, r) + pick(nameChars, r) + pick(institutions, r));
        }
        subjects = List.copyOf(names);
    }

    /**
     * Topics of 10 keywords each on average (1–3 region, 3–5 subject, 2–4 event words, 0–2 exclude words).
     */
    List<TopicWords> topics(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<TopicWords> topics = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            topics.add(new TopicWords(distinct(places, 1 + r.nextInt(3), r), distinct(subjects, 3 + r.nextInt(3), r),
                    distinct(events, 2 + r.nextInt(3), r), distinct(excludes, r.nextInt(3), r)));
        }
        return topics;
    }

    /**
     * A post of {@code minChars}–{@code maxChars} characters: sentences of everyday words with places, subjects and
     * events sown in; with probability {@code topicShare} it also carries a region, subject and event word of one of
     * {@code topics} (so it matches that topic unless an exclude word slipped in).
     */
    Post post(SplittableRandom r, int minChars, int maxChars, List<TopicWords> topics, double topicShare) {
        int length = minChars + r.nextInt(maxChars - minChars + 1);
        List<String> sown = new ArrayList<>();
        if (!topics.isEmpty() && r.nextDouble() < topicShare) {
            TopicWords t = topics.get(r.nextInt(topics.size()));
            sown.add(pick(t.region(), r));
            sown.add(pick(t.subject(), r));
            sown.add(pick(t.event(), r));
        }
        int extra = 2 + r.nextInt(6);
        for (int i = 0; i < extra; i++) {
            sown.add(switch (r.nextInt(3)) {
                case 0 -> pick(places, r);
                case 1 -> pick(subjects, r);
                default -> pick(events, r);
            });
        }
        if (r.nextInt(20) == 0) {
            sown.add(pick(excludes, r));
        }
        StringBuilder text = new StringBuilder(length + 16);
        int sentence = 0;
        while (text.length() < length) {
            if (!sown.isEmpty() && r.nextInt(6) == 0) {
                text.append(sown.removeLast());
            } else if (r.nextInt(40) == 0) {
                text.append(r.nextInt(2) == 0 ? r.nextInt(1_000) + "人" : "PM2.5");
            } else {
                text.append(pick(filler, r));
            }
            if (++sentence > 4 && r.nextInt(4) == 0) {
                text.append(PUNCTUATION.charAt(r.nextInt(PUNCTUATION.length())));
                sentence = 0;
            }
        }
        // whatever was not placed yet goes at the end, so every sown word is in the post
        sown.forEach(text::append);
        String title = text.substring(0, Math.min(text.length(), 12 + r.nextInt(16)));
        return new Post(title, text.toString(), SITES[r.nextInt(SITES.length)], MEDIA[r.nextInt(MEDIA.length)],
                (long) Math.pow(10, r.nextDouble() * 5));
    }

    /** A word of a group, for queries: a place, a subject or an event. */
    String searchTerm(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> pick(regions, r);
            case 1 -> pick(subjects, r);
            case 2 -> pick(institutions, r);
            default -> pick(events, r);
        };
    }

    private static List<String> distinct(List<String> from, int n, SplittableRandom r) {
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < n) {
            chosen.add(pick(from, r));
        }
        return List.copyOf(chosen);
    }

    private static String pick(List<String> from, SplittableRandom r) {
        return from.get(r.nextInt(from.size()));
    }

    private static Map<String, List<String>> sections(String resource) {
        try (InputStream in = ChineseCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Map<String, List<String>> sections = new LinkedHashMap<>();
            String section = "";
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.startsWith("[") && l.endsWith("]")) {
                    section = l.substring(1, l.length() - 1);
                    continue;
                }
                List<String> list = sections.computeIfAbsent(section, k -> new ArrayList<>());
                for (String w : l.split("\\s+")) {
                    list.add(w);
                }
            }
            sections.replaceAll((k, v) -> List.copyOf(v));
            return sections;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
