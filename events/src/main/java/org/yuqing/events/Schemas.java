package org.yuqing.events;

import java.util.regex.Pattern;

/** Checks schema names before they go into SQL text. */
final class Schemas {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Schemas() {
    }

    static String qualified(String schema, String table) {
        if (schema == null || !IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("yuqing.events.schema must be a lower-case SQL identifier, was " + schema);
        }
        return schema + "." + table;
    }
}
