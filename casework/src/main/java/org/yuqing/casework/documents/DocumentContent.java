package org.yuqing.casework.documents;

import java.awt.Color;
import java.util.List;

/**
 * What a document says, independent of its format: a title block and a sequence of blocks that the PDF and the DOCX
 * renderers set in the same order. All text is Chinese as the reader sees it.
 *
 * @param title         the document's title, e.g. 舆情处理登记表
 * @param subtitle      the line under the title (issuing unit and date, or the case), may be empty
 * @param runningHeader the text at the top of every page after the first (document and case number)
 * @param blocks        the body
 */
record DocumentContent(String title, String subtitle, String runningHeader, List<Block> blocks) {

    DocumentContent {
        blocks = List.copyOf(blocks);
    }

    /** A part of the body. */
    sealed interface Block {
    }

    /** A section heading, e.g. 一、基本情况. */
    record Heading(String text) implements Block {
    }

    /** A body paragraph, first line indented by two characters as Chinese typesetting does. */
    record Paragraph(String text) implements Block {
    }

    /** A small note, e.g. a caption or where data comes from. */
    record Note(String text) implements Block {
    }

    /** A form: label/value pairs, two to a row unless a field is wide. */
    record Form(List<Field> fields) implements Block {

        Form {
            fields = List.copyOf(fields);
        }
    }

    /**
     * One field of a form.
     *
     * @param fill the value cell's background (e.g. the level's colour), or {@code null}
     * @param ink  the value's text colour on {@code fill}, or {@code null} for the body colour
     * @param wide whether it takes a whole row
     */
    record Field(String label, String value, Color fill, Color ink, boolean wide) {

        static Field of(String label, String value) {
            return new Field(label, value, null, null, false);
        }

        static Field wide(String label, String value) {
            return new Field(label, value, null, null, true);
        }
    }

    /**
     * A table with a header row.
     *
     * @param widths relative column widths, one per header
     * @param empty  what to say instead when there are no rows
     */
    record Table(List<String> headers, float[] widths, List<List<String>> rows, String empty) implements Block {

        Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            if (widths.length != headers.size()) {
                throw new IllegalArgumentException("one width per column");
            }
        }
    }

    /**
     * A picture across the text width.
     *
     * @param png    the image
     * @param width  its width in pixels
     * @param height its height in pixels
     */
    record Picture(byte[] png, int width, int height, String caption) implements Block {
    }

    /** Lines set flush right at the end, e.g. who compiled it and when. */
    record Signature(List<String> lines) implements Block {

        Signature {
            lines = List.copyOf(lines);
        }
    }
}
