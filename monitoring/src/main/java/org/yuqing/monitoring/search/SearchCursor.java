package org.yuqing.monitoring.search;

import co.elastic.clients.elasticsearch._types.FieldValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where a page of search hits ended (deep paging with Elasticsearch's {@code search_after}): the sort values of the
 * last hit and the order they belong to. Callers get and send it as an opaque URL-safe string.
 *
 * @param order  the order of the search that produced it
 * @param values the last hit's sort values
 */
public record SearchCursor(PostQuery.Order order, List<FieldValue> values) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public SearchCursor {
        values = List.copyOf(values);
    }

    /** The opaque string form. */
    public String encode() {
        StringBuilder s = new StringBuilder(order.name());
        for (FieldValue v : values) {
            s.append(',');
            if (v.isLong()) {
                s.append('l').append(v.longValue());
            } else if (v.isDouble()) {
                s.append('d').append(v.doubleValue());
            } else if (v.isString()) {
                s.append('s').append(ENCODER.encodeToString(v.stringValue().getBytes(StandardCharsets.UTF_8)));
            } else if (v.isBoolean()) {
                s.append('b').append(v.booleanValue());
            } else {
                s.append('n');
            }
        }
        return ENCODER.encodeToString(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor from its string form.
     *
     * @throws IllegalArgumentException when the text is not a cursor
     */
    public static SearchCursor decode(String text) {
        String[] parts = new String(DECODER.decode(text), StandardCharsets.UTF_8).split(",", -1);
        PostQuery.Order order = PostQuery.Order.valueOf(parts[0]);
        List<FieldValue> values = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty()) {
                throw new IllegalArgumentException("empty value");
            }
            String rest = p.substring(1);
            values.add(switch (p.charAt(0)) {
                case 'l' -> FieldValue.of(Long.parseLong(rest));
                case 'd' -> FieldValue.of(Double.parseDouble(rest));
                case 's' -> FieldValue.of(new String(DECODER.decode(rest), StandardCharsets.UTF_8));
                case 'b' -> FieldValue.of(Boolean.parseBoolean(rest));
                case 'n' -> FieldValue.NULL;
                default -> throw new IllegalArgumentException("unknown value kind");
            });
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        return new SearchCursor(order, values);
    }
}
