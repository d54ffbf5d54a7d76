package org.yuqing.casework.documents;

import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStamper;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.draw.LineSeparator;
import org.yuqing.casework.documents.DocumentContent.Block;
import org.yuqing.casework.documents.DocumentContent.Field;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Sets a {@link DocumentContent} as an A4 PDF with OpenPDF: the CJK faces embedded as subsets, margins after the
 * Chinese official-document layout (GB/T 9704, slightly narrowed for tables), tables whose header rows repeat on
 * each page, and a second pass that stamps the running header and "第 N 页 共 M 页" on every page.
 */
final class PdfRenderer {

    private static final float MM = 72f / 25.4f;
    private static final Color INK = new Color(0x1A1A1A);
    private static final Color MUTED = new Color(0x555555);
    private static final Color RULE = new Color(0xC00000);
    private static final Color LABEL_FILL = new Color(0xF2F2F2);
    private static final Color HEADER_FILL = new Color(0xE8ECF2);

    private final CjkFonts.Fonts fonts;

    PdfRenderer(CjkFonts.Fonts fonts) {
        this.fonts = fonts;
    }

    /** The PDF's bytes. */
    byte[] render(DocumentContent content) {
        try {
            return paginate(body(content), content.runningHeader());
        } catch (DocumentException e) {
            throw new IllegalStateException("the PDF could not be set", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] body(DocumentContent content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 26 * MM, 24 * MM, 30 * MM, 28 * MM);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        document.addTitle(content.title());
        document.addSubject(content.subtitle());
        document.addCreator("Yuqing casework");
        document.open();
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("zh-CN"));

        Paragraph title = paragraph(content.title(), font(fonts.bold().pdf(), 22, INK));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(6);
        document.add(title);
        if (!content.subtitle().isEmpty()) {
            Paragraph subtitle = paragraph(content.subtitle(), font(fonts.body().pdf(), 10.5f, MUTED));
            subtitle.setAlignment(Element.ALIGN_CENTER);
            document.add(subtitle);
        }
        // Every paragraph names a CJK face, even one without text: OpenPDF would otherwise set its line in Helvetica.
        LineSeparator rule = new LineSeparator(1.5f, 100, RULE, Element.ALIGN_CENTER, -4);
        Paragraph ruled = new Paragraph("", font(fonts.body().pdf(), 12, INK));
        ruled.add(new Chunk(rule));
        ruled.setSpacingAfter(10);
        document.add(ruled);

        List<Block> blocks = content.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block instanceof DocumentContent.Heading && i + 1 < blocks.size()) {
                keepWithNext(document, writer, blocks.get(i + 1));
            }
            add(document, block);
        }
        document.close();
        return out.toByteArray();
    }

    private void add(Document document, Block block) throws IOException {
        switch (block) {
            case DocumentContent.Heading h -> {
                Paragraph p = paragraph(h.text(), font(fonts.heading().pdf(), 14, INK));
                p.setSpacingBefore(12);
                p.setSpacingAfter(6);
                p.setKeepTogether(true);
                document.add(p);
            }
            case DocumentContent.Paragraph text -> {
                for (String line : text.text().split("\n")) {
                    Paragraph p = paragraph(line, font(fonts.body().pdf(), 11.5f, INK));
                    p.setLeading(0, 1.6f);
                    p.setFirstLineIndent(23);
                    p.setAlignment(Element.ALIGN_JUSTIFIED);
                    p.setSpacingAfter(4);
                    document.add(p);
                }
            }
            case DocumentContent.Note n -> {
                Paragraph p = paragraph(n.text(), font(fonts.body().pdf(), 9.5f, MUTED));
                p.setLeading(0, 1.4f);
                p.setSpacingBefore(2);
                p.setSpacingAfter(6);
                document.add(p);
            }
            case DocumentContent.Form form -> document.add(form(form.fields()));
            case DocumentContent.Table t -> document.add(table(t));
            case DocumentContent.Picture picture -> {
                // The picture and its caption stay on one page (OpenPDF would otherwise defer a picture that does
                // not fit and let the following text flow before it).
                PdfPTable frame = new PdfPTable(1);
                frame.setWidthPercentage(100);
                frame.setKeepTogether(true);
                frame.setSpacingBefore(4);
                PdfPCell picturing = new PdfPCell(Image.getInstance(picture.png()), true);
                picturing.setBorder(Rectangle.NO_BORDER);
                picturing.setPadding(0);
                frame.addCell(picturing);
                PdfPCell caption = cell(picture.caption(), null, fonts.heading().pdf(), 10, INK, 1);
                caption.setBorder(Rectangle.NO_BORDER);
                caption.setHorizontalAlignment(Element.ALIGN_CENTER);
                frame.addCell(caption);
                document.add(frame);
            }
            case DocumentContent.Signature s -> {
                Paragraph p = new Paragraph("", font(fonts.body().pdf(), 11.5f, INK));
                p.setSpacingBefore(18);
                p.setAlignment(Element.ALIGN_RIGHT);
                p.setLeading(0, 1.6f);
                for (int i = 0; i < s.lines().size(); i++) {
                    p.add(chunk(s.lines().get(i) + (i + 1 < s.lines().size() ? "\n" : ""),
                            font(fonts.body().pdf(), 11.5f, INK)));
                }
                document.add(p);
            }
        }
    }

    // A heading never ends a page: when what follows it would not start on this page, the heading moves on too.
    private static void keepWithNext(Document document, PdfWriter writer, Block next) {
        float width = document.right() - document.left();
        float needed = next instanceof DocumentContent.Picture picture
                ? width * picture.height() / picture.width() + 40 : 90;
        if (writer.getVerticalPosition(false) - document.bottom() < needed) {
            document.newPage();
        }
    }

    private PdfPTable form(List<Field> fields) {
        PdfPTable table = new PdfPTable(new float[]{1.25f, 3f, 1.25f, 3f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        int column = 0;
        for (Field f : fields) {
            if (f.wide() && column == 2) {
                table.addCell(cell("", null, fonts.body().pdf(), 10.5f, INK, 2));
                column = 0;
            }
            table.addCell(cell(f.label(), LABEL_FILL, fonts.bold().pdf(), 10.5f, INK, 1));
            Color ink = f.ink() == null ? INK : f.ink();
            table.addCell(cell(f.value(), f.fill(), f.fill() == null ? fonts.body().pdf() : fonts.bold().pdf(), 10.5f,
                    ink, f.wide() ? 3 : 1));
            column = f.wide() ? 0 : (column + 2) % 4;
        }
        if (column == 2) {
            table.addCell(cell("", null, fonts.body().pdf(), 10.5f, INK, 2));
        }
        return table;
    }

    private PdfPTable table(DocumentContent.Table t) {
        PdfPTable table = new PdfPTable(t.widths());
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        table.setHeaderRows(1);
        for (String header : t.headers()) {
            table.addCell(cell(header, HEADER_FILL, fonts.bold().pdf(), 10, INK, 1));
        }
        if (t.rows().isEmpty()) {
            table.addCell(cell(t.empty(), null, fonts.body().pdf(), 10, MUTED, t.headers().size()));
        }
        for (List<String> row : t.rows()) {
            for (String value : row) {
                table.addCell(cell(value, null, fonts.body().pdf(), 9.5f, INK, 1));
            }
        }
        return table;
    }

    private static PdfPCell cell(String text, Color fill, BaseFont face, float size, Color ink, int span) {
        PdfPCell cell = new PdfPCell(phrase(text, font(face, size, ink)));
        cell.setColspan(span);
        cell.setPadding(4);
        cell.setPaddingBottom(6);
        cell.setLeading(0, 1.35f);
        cell.setBorderColor(new Color(0x999999));
        cell.setBorderWidth(0.6f);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        if (fill != null) {
            cell.setBackgroundColor(fill);
        }
        return cell;
    }

    // Second pass: the page count is known only once the body is set.
    private byte[] paginate(byte[] body, String runningHeader) throws IOException {
        PdfReader reader = new PdfReader(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfStamper stamper = new PdfStamper(reader, out);
        int pages = reader.getNumberOfPages();
        Font small = font(fonts.body().pdf(), 9, MUTED);
        for (int page = 1; page <= pages; page++) {
            Rectangle size = reader.getPageSize(page);
            PdfContentByte over = stamper.getOverContent(page);
            ColumnText.showTextAligned(over, Element.ALIGN_CENTER,
                    new Phrase("第 " + page + " 页 共 " + pages + " 页", small), size.getWidth() / 2, 14 * MM, 0);
            if (page > 1) {
                ColumnText.showTextAligned(over, Element.ALIGN_RIGHT, new Phrase(runningHeader, small),
                        size.getWidth() - 24 * MM, size.getHeight() - 18 * MM, 0);
                over.setColorStroke(new Color(0xBBBBBB));
                over.setLineWidth(0.5f);
                over.moveTo(26 * MM, size.getHeight() - 19.5f * MM);
                over.lineTo(size.getWidth() - 24 * MM, size.getHeight() - 19.5f * MM);
                over.stroke();
            }
        }
        stamper.close();
        reader.close();
        return out.toByteArray();
    }

    private static Paragraph paragraph(String text, Font font) {
        Paragraph p = new Paragraph("", font);
        p.add(chunk(text, font));
        return p;
    }

    private static Phrase phrase(String text, Font font) {
        Phrase p = new Phrase("", font);
        p.add(chunk(text, font));
        return p;
    }

    private static Chunk chunk(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(ChineseLineBreaks.INSTANCE);
        return chunk;
    }

    private static Font font(BaseFont face, float size, Color colour) {
        return new Font(face, size, Font.NORMAL, colour);
    }
}
