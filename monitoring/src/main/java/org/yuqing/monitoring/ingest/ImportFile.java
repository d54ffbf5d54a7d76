package org.yuqing.monitoring.ingest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.yuqing.monitoring.web.InvalidRequestException;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * An uploaded file of posts, decoded and split into records, not yet read as posts.
 *
 * <p>Character set: the one named ({@code UTF-8}, {@code GBK} or {@code GB18030}), else detected: a UTF-8 byte order
 * mark or bytes that are valid UTF-8 mean UTF-8, anything else is read as GB18030 (a superset of GBK, so GBK files
 * read the same). Format: the one named ({@code jsonl} or {@code csv}), else from the file name ({@code .csv};
 * {@code .jsonl}, {@code .ndjson}, {@code .json}), else JSONL when the first non-blank character is <code>{</code>.
 *
 * <p>JSONL: one post JSON per line, blank lines skipped. CSV (RFC 4180: quoted cells may hold commas, quotes and line
 * breaks): a header row naming post fields ({@link #COLUMNS}, case and blanks ignored, {@code metrics.} optional
 * before the figures), then one post per row; a record's line is the line it starts on.
 *
 * @param format  the format read
 * @param charset the character set read
 * @param records the records, in file order
 */
record ImportFile(Format format, Charset charset, List<Record> records) {

    /** Problem type of a file that cannot be read as posts at all. */
    static final URI UNREADABLE = URI.create("urn:yuqing:problem:unreadable-import");

    /** The CSV columns an import understands. */
    static final Set<String> COLUMNS = Set.of("sourceid", "externalid", "url", "site", "mediatype", "author", "title",
            "text", "publishedat", "reads", "comments", "reposts", "likes");
    /** The CSV columns without which no row can be a post. */
    static final Set<String> REQUIRED_COLUMNS = Set.of("url", "site", "text", "publishedat");

    /** Marks a CSV record with cells beyond the header's columns. */
    private static final String EXTRA = "";

    static final Charset GBK = Charset.forName("GBK");
    static final Charset GB18030 = Charset.forName("GB18030");
    /** A time without offset in an import is Beijing time. */
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    /** The file formats an import takes. */
    enum Format {
        /** One post JSON per line. */
        JSONL,
        /** Comma-separated values with a header row. */
        CSV
    }

    /**
     * One record of the file.
     *
     * @param line  the line it starts on, 1-based
     * @param json  the JSON text (JSONL)
     * @param cells the cells by column (CSV)
     */
    record Record(int line, String json, Map<String, String> cells) {
    }

    /**
     * Decodes and splits a file.
     *
     * @param bytes    the file
     * @param fileName its name as uploaded, may be null
     * @param format   {@code jsonl} or {@code csv}, or null to detect
     * @param charset  {@code UTF-8}, {@code GBK} or {@code GB18030}, or null to detect
     * @throws InvalidRequestException when a parameter is invalid or the file holds no record (400)
     * @throws ErrorResponseException  422 when the file cannot be decoded or its CSV header is unusable
     */
    static ImportFile read(byte[] bytes, String fileName, String format, String charset) {
        Map<String, String> errors = new LinkedHashMap<>();
        Charset named = null;
        if (charset != null && !charset.isBlank()) {
            named = switch (charset.strip().toUpperCase(Locale.ROOT).replace("_", "-")) {
                case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
                case "GBK", "CP936" -> GBK;
                case "GB18030" -> GB18030;
                default -> {
                    errors.put("charset", "must be UTF-8, GBK or GB18030");
                    yield null;
                }
            };
        }
        Format namedFormat = null;
        if (format != null && !format.isBlank()) {
            namedFormat = switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "jsonl", "ndjson" -> Format.JSONL;
                case "csv" -> Format.CSV;
                default -> {
                    errors.put("format", "must be jsonl or csv");
                    yield null;
                }
            };
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        int offset = 0;
        Charset used = named;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                && (named == null || named == StandardCharsets.UTF_8)) {
            offset = 3;
            used = StandardCharsets.UTF_8;
        }
        String text;
        if (used != null) {
            text = decode(bytes, offset, used);
            if (text == null) {
                throw unreadable("The file is not valid " + used.name() + "; name the right charset or leave it out");
            }
        } else {
            text = decode(bytes, 0, StandardCharsets.UTF_8);
            used = StandardCharsets.UTF_8;
            if (text == null) {
                text = decode(bytes, 0, GB18030);
                used = GB18030;
            }
            if (text == null) {
                throw unreadable("The file is neither UTF-8 nor GBK/GB18030 text");
            }
        }
        Format f = namedFormat != null ? namedFormat : detect(fileName, text);
        List<Record> records = f == Format.JSONL ? jsonLines(text) : csv(text);
        if (records.isEmpty()) {
            throw new InvalidRequestException(Map.of("file", "holds no post"));
        }
        return new ImportFile(f, used, records);
    }

    /**
     * A CSV record as a post submission, or why it is not one.
     *
     * @param record a CSV record
     * @param line   builds the line's result from a submission or an error
     */
    static <T> T post(Record record, BiFunction<PostSubmission, String, T> line) {
        Map<String, String> c = record.cells();
        Map<String, String> errors = new LinkedHashMap<>();
        if (c.containsKey(EXTRA)) {
            errors.put("row", "has more cells than the header names");
        }
        Instant publishedAt = instant(c.get("publishedat"), errors);
        PostSubmission.Metrics metrics = new PostSubmission.Metrics(figure("reads", c, errors),
                figure("comments", c, errors), figure("reposts", c, errors), figure("likes", c, errors));
        if (!errors.isEmpty()) {
            return line.apply(null, String.join("; ", errors.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).toList()));
        }
        return line.apply(new PostSubmission(c.get("sourceid"), c.get("externalid"), c.get("url"), c.get("site"),
                c.get("mediatype"), c.get("author"), c.get("title"), c.get("text"), publishedAt, metrics), null);
    }

    private static Instant instant(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v, LOCAL).atZone(BEIJING).toInstant();
            } catch (DateTimeParseException again) {
                errors.put("publishedAt", "must be an ISO-8601 instant or yyyy-MM-dd HH:mm:ss (Beijing time)");
                return null;
            }
        }
    }

    private static Long figure(String name, Map<String, String> cells, Map<String, String> errors) {
        String value = cells.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.put("metrics." + name, "must be a whole number");
            return null;
        }
    }

    private static String decode(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Format detect(String fileName, String text) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Format.JSONL;
        }
        String start = text.stripLeading();
        return start.startsWith("{") ? Format.JSONL : Format.CSV;
    }

    private static List<Record> jsonLines(String text) {
        List<Record> records = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                records.add(new Record(i + 1, lines[i], null));
            }
        }
        return records;
    }

    private static List<Record> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        parseCsv(text, rows, starts);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.getFirst().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", ""))
                .map(h -> h.startsWith("metrics.") ? h.substring("metrics.".length()) : h)
                .toList();
        Set<String> unknown = new TreeSet<>();
        header.stream().filter(h -> !h.isEmpty() && !COLUMNS.contains(h)).forEach(unknown::add);
        Set<String> missing = new TreeSet<>(REQUIRED_COLUMNS);
        header.forEach(missing::remove);
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    "The CSV header row must name post fields" + (unknown.isEmpty() ? "" : "; unknown columns " + unknown)
                            + (missing.isEmpty() ? "" : "; missing columns " + missing));
            problem.setType(UNREADABLE);
            problem.setTitle("Unusable CSV header");
            problem.setProperty("columns", new TreeSet<>(COLUMNS));
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
        }
        List<Record> records = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.getFirst().isBlank()) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < row.size(); i++) {
                if (!header.get(i).isEmpty()) {
                    cells.put(header.get(i), row.get(i));
                }
            }
            if (row.size() > header.size() && row.subList(header.size(), row.size()).stream().anyMatch(v -> !v.isBlank())) {
                cells.put(EXTRA, "");
            }
            records.add(new Record(starts.get(r), null, cells));
        }
        return records;
    }

    /** RFC 4180 rows, each with the line it starts on. */
    private static void parseCsv(String text, List<List<String>> rows, List<Integer> starts) {
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
                continue;
            }
            switch (ch) {
                case '"' -> {
                    quoted = true;
                    any = true;
                }
                case ',' -> {
                    row.add(cell.toString());
                    cell.setLength(0);
                    any = true;
                }
                case '\r' -> {
                    // a CR is part of the line break that follows it (or a line break of its own)
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        continue;
                    }
                    line = endRow(rows, starts, row, cell, any, rowStart, line);
                    rowStart = line;
                    row = new ArrayList<>();
                    any = false;
                }
                case '\n' -> {
                    line = endRow(rows, starts, row, cell, any, rowStart, line);
                    rowStart = line;
                    row = new ArrayList<>();
                    any = false;
                }
                default -> {
                    cell.append(ch);
                    any = true;
                }
            }
        }
        if (any || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
            starts.add(rowStart);
        }
    }

    private static int endRow(List<List<String>> rows, List<Integer> starts, List<String> row, StringBuilder cell,
                              boolean any, int rowStart, int line) {
        if (any || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
            starts.add(rowStart);
        }
        cell.setLength(0);
        return line + 1;
    }

    private static ErrorResponseException unreadable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setType(UNREADABLE);
        problem.setTitle("Unreadable file");
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }
}
