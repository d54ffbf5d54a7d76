package org.yuqing.casework.ledger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The canonical encoding of a ledger entry and its SHA-256. Version 1 encodes, in order: the ASCII tag
 * {@code yuqing-ledger-v1}, seq (8 bytes big-endian), case id (16 bytes), at as microseconds since the
 * epoch in UTC (8 bytes), then kind, actor, summary and the canonical detail JSON, each as UTF-8 with a
 * 4-byte length prefix, then the previous hash (32 bytes).
 */
final class LedgerHash {

    /** The previous hash of the first entry. */
    static final byte[] GENESIS = new byte[32];

    private static final byte[] TAG = "yuqing-ledger-v1".getBytes(StandardCharsets.US_ASCII);

    private LedgerHash() {
    }

    static byte[] of(long seq, UUID caseId, Instant at, String kind, String actor, String summary,
                     String canonicalDetail, byte[] prevHash) {
        if (prevHash.length != 32) {
            throw new IllegalArgumentException("prevHash must be 32 bytes, was " + prevHash.length);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(TAG);
            out.writeLong(seq);
            out.writeLong(caseId.getMostSignificantBits());
            out.writeLong(caseId.getLeastSignificantBits());
            out.writeLong(micros(at));
            text(out, kind);
            text(out, actor);
            text(out, summary);
            text(out, canonicalDetail);
            out.write(prevHash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha256(bytes.toByteArray());
    }

    /** Microseconds since the epoch; the instant must already be at microsecond precision. */
    static long micros(Instant at) {
        if (at.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException(at + " is finer than a microsecond");
        }
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    /**
     * JSON with object keys sorted (by UTF-16 code units), no whitespace, numbers in plain notation.
     * The same value gives the same text however its keys were ordered.
     */
    static String canonicalJson(JsonNode node, JsonMapper json) {
        StringBuilder out = new StringBuilder();
        write(node, json, out);
        return out.toString();
    }

    private static void write(JsonNode node, JsonMapper json, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, JsonNode> sorted = new TreeMap<>();
                node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(json.writeValueAsString(e.getKey())).append(':');
                    write(e.getValue(), json, out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), json, out);
                }
                out.append(']');
            }
            case STRING -> out.append(json.writeValueAsString(node.stringValue()));
            case NUMBER -> out.append(node.isIntegralNumber()
                    ? node.bigIntegerValue().toString()
                    : node.decimalValue().toPlainString());
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL, MISSING -> out.append("null");
            default -> throw new IllegalArgumentException("no canonical JSON for a " + node.getNodeType() + " node");
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
