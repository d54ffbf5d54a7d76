package org.yuqing.casework.documents;

import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.yuqing.casework.documents.DocumentContent.Block;
import org.yuqing.casework.documents.DocumentContent.Field;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * Sets a {@link DocumentContent} as an A4 Word document with Apache POI (XWPF): the same blocks, margins and page
 * footer ("第 N 页 共 M 页" as PAGE/NUMPAGES fields) as the PDF, the heat curve as a PNG picture. A DOCX names its
 * fonts rather than embedding them: it names the families the PDF embeds (Noto CJK), and Word or WPS substitutes a
 * Chinese font where they are missing.
 */
final class DocxRenderer {

    private static final int TWIPS_PER_MM = 57;
    private static final int TEXT_WIDTH = (210 - 26 - 24) * TWIPS_PER_MM;
    private static final String INK = "1A1A1A";
    private static final String MUTED = "555555";
    private static final String LABEL_FILL = "F2F2F2";
    private static final String HEADER_FILL = "E8ECF2";

    private final String body;
    private final String heading;

    DocxRenderer(CjkFonts.Fonts fonts) {
        this.body = fonts.body().family();
        this.heading = fonts.heading().family();
    }

    /** The DOCX's bytes. */
    byte[] render(DocumentContent content) {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(content.title());
            doc.getProperties().getCoreProperties().setSubjectProperty(content.subtitle());
            doc.getProperties().getCoreProperties().setCreator("Yuqing casework");
            defaults(doc);
            page(doc, content.runningHeader());

            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(120);
            run(title, content.title(), body, 22, true, INK);
            if (!content.subtitle().isEmpty()) {
                XWPFParagraph subtitle = doc.createParagraph();
                subtitle.setAlignment(ParagraphAlignment.CENTER);
                run(subtitle, content.subtitle(), body, 10.5, false, MUTED);
            }
            XWPFParagraph rule = doc.createParagraph();
            rule.setBorderBottom(Borders.SINGLE);
            rule.getCTPPr().getPBdr().getBottom().setColor("C00000");
            rule.getCTPPr().getPBdr().getBottom().setSz(BigInteger.valueOf(12));
            rule.setSpacingAfter(200);

            for (Block block : content.blocks()) {
                add(doc, block);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("the chart could not be placed", e);
        }
    }

    private void add(XWPFDocument doc, Block block) throws IOException,
            org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        switch (block) {
            case DocumentContent.Heading h -> {
                XWPFParagraph p = doc.createParagraph();
                p.setSpacingBefore(240);
                p.setSpacingAfter(120);
                p.setKeepNext(true);
                run(p, h.text(), heading, 14, true, INK);
            }
            case DocumentContent.Paragraph text -> {
                for (String line : text.text().split("\n")) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setAlignment(ParagraphAlignment.BOTH);
                    p.setIndentationFirstLine(460);
                    p.setSpacingBetween(1.5);
                    p.setSpacingAfter(80);
                    run(p, line, body, 11.5, false, INK);
                }
            }
            case DocumentContent.Note n -> {
                XWPFParagraph p = doc.createParagraph();
                p.setSpacingAfter(120);
                run(p, n.text(), body, 9.5, false, MUTED);
            }
            case DocumentContent.Form form -> form(doc, form.fields());
            case DocumentContent.Table t -> table(doc, t);
            case DocumentContent.Picture picture -> {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.CENTER);
                p.setKeepNext(true);
                double widthPt = TEXT_WIDTH / 20.0;
                double heightPt = widthPt * picture.height() / picture.width();
                p.createRun().addPicture(new ByteArrayInputStream(picture.png()), Document.PICTURE_TYPE_PNG,
                        "heat-curve.png", Units.toEMU(widthPt), Units.toEMU(heightPt));
                XWPFParagraph caption = doc.createParagraph();
                caption.setAlignment(ParagraphAlignment.CENTER);
                run(caption, picture.caption(), heading, 10, false, INK);
            }
            case DocumentContent.Signature s -> {
                for (int i = 0; i < s.lines().size(); i++) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setAlignment(ParagraphAlignment.RIGHT);
                    if (i == 0) {
                        p.setSpacingBefore(360);
                    }
                    run(p, s.lines().get(i), body, 11.5, false, INK);
                }
            }
        }
    }

    private void form(XWPFDocument doc, List<Field> fields) {
        int[] widths = {TEXT_WIDTH * 125 / 850, TEXT_WIDTH * 300 / 850, TEXT_WIDTH * 125 / 850, 0};
        widths[3] = TEXT_WIDTH - widths[0] - widths[1] - widths[2];
        XWPFTable table = newTable(doc, widths);
        XWPFTableRow row = null;
        int column = 0;
        for (Field f : fields) {
            if (f.wide() && column == 2) {
                cell(row.addNewTableCell(), "", body, 10.5, false, INK, null, widths[2] + widths[3], 2);
                column = 0;
            }
            if (column == 0) {
                row = newRow(table);
            }
            XWPFTableCell label = row.addNewTableCell();
            cell(label, f.label(), body, 10.5, true, INK, LABEL_FILL, widths[column], 1);
            XWPFTableCell value = row.addNewTableCell();
            int span = f.wide() ? 3 : 1;
            int width = f.wide() ? widths[1] + widths[2] + widths[3] : widths[column + 1];
            cell(value, f.value(), body, 10.5, f.fill() != null, f.ink() == null ? INK : hex(f.ink()),
                    f.fill() == null ? null : hex(f.fill()), width, span);
            column = f.wide() ? 0 : (column + 2) % 4;
        }
        if (row != null && column == 2) {
            cell(row.addNewTableCell(), "", body, 10.5, false, INK, null, widths[2] + widths[3], 2);
        }
        spacer(doc);
    }

    private void table(XWPFDocument doc, DocumentContent.Table t) {
        float total = 0;
        for (float w : t.widths()) {
            total += w;
        }
        int[] widths = new int[t.widths().length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.round(TEXT_WIDTH * t.widths()[i] / total);
        }
        XWPFTable table = newTable(doc, widths);
        XWPFTableRow header = newRow(table);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int i = 0; i < widths.length; i++) {
            cell(header.addNewTableCell(), t.headers().get(i), body, 10, true, INK, HEADER_FILL, widths[i], 1);
        }
        if (t.rows().isEmpty()) {
            cell(newRow(table).addNewTableCell(), t.empty(), body, 10, false, MUTED, null, TEXT_WIDTH,
                    widths.length);
        }
        for (List<String> values : t.rows()) {
            XWPFTableRow row = newRow(table);
            row.setCantSplitRow(true);
            for (int i = 0; i < widths.length; i++) {
                cell(row.addNewTableCell(), values.get(i), body, 9.5, false, INK, null, widths[i], 1);
            }
        }
        spacer(doc);
    }

    // A table with an explicit grid and no rows yet (rows are added with their own cells).
    private static XWPFTable newTable(XWPFDocument doc, int[] widths) {
        XWPFTable table = doc.createTable();
        table.removeRow(0);
        table.setWidth(TEXT_WIDTH);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setCellMargins(60, 90, 60, 90);
        String border = "999999";
        table.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, border);
        table.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, border);
        table.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, border);
        table.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, border);
        table.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, border);
        table.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, border);
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid()
                : table.getCTTbl().getTblGrid();
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        table.getCTTbl().getTblPr().addNewTblLayout().setType(
                org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        return table;
    }

    // A row without cells (XWPFTable.createRow would copy the first row's cells).
    private static XWPFTableRow newRow(XWPFTable table) {
        return table.insertNewTableRow(table.getNumberOfRows());
    }

    private static void spacer(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingAfter(0);
        p.setSpacingBefore(0);
    }

    private static void cell(XWPFTableCell cell, String text, String family, double size, boolean bold, String ink,
                             String fill, int width, int span) {
        CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        pr.addNewTcW().setW(BigInteger.valueOf(width));
        pr.getTcW().setType(STTblWidth.DXA);
        if (span > 1) {
            pr.addNewGridSpan().setVal(BigInteger.valueOf(span));
        }
        if (fill != null) {
            cell.setColor(fill);
        }
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        XWPFParagraph p = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().getFirst();
        p.setSpacingAfter(0);
        p.setSpacingBetween(1.15);
        run(p, text, family, size, bold, ink);
    }

    private static void run(XWPFParagraph p, String text, String family, double size, boolean bold, String colour) {
        XWPFRun run = p.createRun();
        run.setFontFamily(family, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(family, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(family, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
        run.setBold(bold);
        run.setColor(colour);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }

    private void defaults(XWPFDocument doc) {
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(body);
        fonts.setHAnsi(body);
        fonts.setEastAsia(body);
        fonts.setCs(body);
        doc.createStyles().setDefaultFonts(fonts);
        doc.getStyles().setEastAsia("zh-CN");
    }

    private void page(XWPFDocument doc, String runningHeader) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(30 * TWIPS_PER_MM));
        margins.setBottom(BigInteger.valueOf(28 * TWIPS_PER_MM));
        margins.setLeft(BigInteger.valueOf(26 * TWIPS_PER_MM));
        margins.setRight(BigInteger.valueOf(24 * TWIPS_PER_MM));
        margins.setHeader(BigInteger.valueOf(15 * TWIPS_PER_MM));
        margins.setFooter(BigInteger.valueOf(12 * TWIPS_PER_MM));
        // The first page has the title and no running header; every page has the page number.
        section.addNewTitlePg();
        XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph h = header.createParagraph();
        h.setAlignment(ParagraphAlignment.RIGHT);
        h.setBorderBottom(Borders.SINGLE);
        run(h, runningHeader, body, 9, false, MUTED);
        doc.createHeader(HeaderFooterType.FIRST).createParagraph();
        pageNumbers(doc.createFooter(HeaderFooterType.DEFAULT));
        pageNumbers(doc.createFooter(HeaderFooterType.FIRST));
    }

    private void pageNumbers(XWPFFooter footer) {
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "第 ", body, 9, false, MUTED);
        field(p, "PAGE");
        run(p, " 页 共 ", body, 9, false, MUTED);
        field(p, "NUMPAGES");
        run(p, " 页", body, 9, false, MUTED);
    }

    private void field(XWPFParagraph p, String instruction) {
        CTSimpleField field = p.getCTP().addNewFldSimple();
        field.setInstr(instruction + " \\* MERGEFORMAT");
        var r = field.addNewR();
        var rPr = r.addNewRPr();
        CTFonts fonts = rPr.addNewRFonts();
        fonts.setAscii(body);
        fonts.setHAnsi(body);
        fonts.setEastAsia(body);
        rPr.addNewSz().setVal(BigInteger.valueOf(18));
        rPr.addNewColor().setVal(MUTED);
        r.addNewT().setStringValue("1");
    }

    private static String hex(Color c) {
        return String.format("%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }
}
