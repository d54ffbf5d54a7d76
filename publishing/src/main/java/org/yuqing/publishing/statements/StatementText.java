package org.yuqing.publishing.statements;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A statement's title and body (the master text), checked and trimmed. Approvals bind not this text's own
 * {@link #hash()} but {@code Renditions.contentHash}, which covers the master and every channel rendition of it.
 *
 * @param title the title, without surrounding white space
 * @param body  the body, without surrounding white space; paragraphs separated by newlines
 */
record StatementText(String title, String body) {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 100_000;

    /**
     * Checks and trims user input.
     *
     * @throws StatementProblem (400) when a part is blank, too long or holds characters no page or feed can carry
     */
    static StatementText of(String title, String body) {
        String t = checked("title", title, MAX_TITLE);
        String b = checked("body", body, MAX_BODY);
        return new StatementText(t, b);
    }

    /**
     * SHA-256 (hex) of title and body. A NUL separates them: it cannot occur in either (see
     * {@link #of}), so no other split of the same characters gives the same hash.
     */
    String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(title.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String checked(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw StatementProblem.invalid(field + " must not be blank");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw StatementProblem.invalid(field + " must be at most " + max + " characters");
        }
        // XML 1.0 (the Atom feed) and PostgreSQL text cannot carry these; refusing them beats a broken feed.
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
            boolean loneSurrogate = Character.isHighSurrogate(c)
                    ? i + 1 >= v.length() || !Character.isLowSurrogate(v.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (control || loneSurrogate || c == 0xFFFE || c == 0xFFFF) {
                throw StatementProblem.invalid(field + " contains a character that cannot be published (U+"
                        + HexFormat.of().withUpperCase().toHexDigits(c) + ")");
            }
        }
        return v;
    }
}
