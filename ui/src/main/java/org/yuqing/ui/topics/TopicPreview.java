package org.yuqing.ui.topics;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.web.util.HtmlUtils;

/**
 * A trial run of a topic's words over posts (测试): which posts the topic would take, which words hit, and the text
 * with every hit wrapped in {@code <em>}. It follows the monitoring matcher's rule — every non-empty group among
 * region, subject and event words needs a hit, no exclude word may hit, in title or text — and its folding of
 * full-width forms and letter case (Unicode NFKC, lower case); unlike the matcher it does not fold traditional
 * characters or ignore punctuation inside a word, so it may miss a few posts the saved topic will take.
 */
final class TopicPreview {

    /** Characters of text shown around the first hit. */
    static final int SNIPPET = 140;

    private TopicPreview() {
    }

    /**
     * A post the topic takes.
     *
     * @param post      the post
     * @param hits      the words that hit, in the order of the groups
     * @param titleHtml the title, HTML-escaped, hits in {@code <em>}
     * @param textHtml  a passage of the text around the first hit, HTML-escaped, hits in {@code <em>}
     */
    record Match(RecentPosts.Post post, List<String> hits, String titleHtml, String textHtml) {
    }

    /**
     * The posts the draft's words take, in the order given.
     *
     * @param draft the topic's words
     * @param posts the posts to try
     * @return the matches; none when the draft has no region, subject or event word
     */
    static List<Match> run(TopicDraft draft, List<RecentPosts.Post> posts) {
        if (draft.hasNoMatchWords()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        for (RecentPosts.Post post : posts) {
            Folded title = Folded.of(post.title());
            Folded text = Folded.of(post.text());
            if (hitsAny(draft.excludeWords(), title, text)) {
                continue;
            }
            Set<String> hits = new LinkedHashSet<>();
            boolean every = true;
            for (List<String> group : List.of(draft.regionWords(), draft.subjectWords(), draft.eventWords())) {
                if (group.isEmpty()) {
                    continue;
                }
                List<String> groupHits = group.stream().filter(w -> title.contains(w) || text.contains(w)).toList();
                every &= !groupHits.isEmpty();
                hits.addAll(groupHits);
            }
            if (every) {
                List<String> words = List.copyOf(hits);
                matches.add(new Match(post, words, title.highlight(words, 0, Integer.MAX_VALUE),
                        text.snippet(words)));
            }
        }
        return matches;
    }

    private static boolean hitsAny(List<String> words, Folded title, Folded text) {
        return words.stream().anyMatch(w -> title.contains(w) || text.contains(w));
    }

    /** A text folded for matching, remembering where each folded character came from. */
    private record Folded(String original, String folded, int[] origin) {

        static Folded of(String text) {
            String original = text == null ? "" : text;
            StringBuilder folded = new StringBuilder(original.length());
            List<Integer> origin = new ArrayList<>(original.length());
            for (int i = 0; i < original.length(); ) {
                int cp = original.codePointAt(i);
                String one = fold(new String(Character.toChars(cp)));
                for (int k = 0; k < one.length(); k++) {
                    origin.add(i);
                }
                folded.append(one);
                i += Character.charCount(cp);
            }
            return new Folded(original, folded.toString(), origin.stream().mapToInt(Integer::intValue).toArray());
        }

        static String fold(String text) {
            return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        }

        boolean contains(String word) {
            String w = fold(word);
            return !w.isEmpty() && folded.contains(w);
        }

        /** The original text between {@code from} and {@code to}, escaped, with every hit marked. */
        String highlight(List<String> words, int from, int to) {
            int end = Math.min(to, original.length());
            boolean[] marked = new boolean[original.length() + 1];
            for (String word : words) {
                String w = fold(word);
                if (w.isEmpty()) {
                    continue;
                }
                for (int at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + 1)) {
                    int start = origin[at];
                    int last = origin[at + w.length() - 1];
                    int stop = last + Character.charCount(original.codePointAt(last));
                    for (int i = start; i < stop; i++) {
                        marked[i] = true;
                    }
                }
            }
            StringBuilder html = new StringBuilder();
            boolean open = false;
            for (int i = from; i < end; i++) {
                if (marked[i] != open) {
                    html.append(open ? "</em>" : "<em>");
                    open = marked[i];
                }
                html.append(HtmlUtils.htmlEscape(String.valueOf(original.charAt(i)), "UTF-8"));
            }
            if (open) {
                html.append("</em>");
            }
            return html.toString();
        }

        /** A passage of about {@link #SNIPPET} characters starting a little before the first hit. */
        String snippet(List<String> words) {
            int first = words.stream().map(Folded::fold).filter(w -> !w.isEmpty()).mapToInt(folded::indexOf)
                    .filter(at -> at >= 0).min().orElse(-1);
            int start = first < 0 ? 0 : Math.max(0, origin[first] - 20);
            if (start > 0 && Character.isLowSurrogate(original.charAt(start))) {
                start--;
            }
            int end = Math.min(original.length(), start + SNIPPET);
            if (end < original.length() && end > 0 && Character.isHighSurrogate(original.charAt(end - 1))) {
                end++;
            }
            String body = highlight(words, start, end);
            return (start > 0 ? "…" : "") + body + (end < original.length() ? "…" : "");
        }
    }
}
