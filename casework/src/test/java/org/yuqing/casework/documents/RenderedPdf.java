package org.yuqing.casework.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A PDF as a reader sees it, through PDFBox: its text, its pages rendered to PNG files, how much ink each page
 * carries and which fonts it draws with.
 *
 * @param text  the text of all pages, in reading order
 * @param pages the rendered pages, first to last
 * @param fonts every font a page uses, described as {@code name (type, embedded|not embedded)}
 * @param tofu  the characters drawn with a font's .notdef glyph (the empty box, 豆腐块), as extracted text
 */
record RenderedPdf(String text, List<Page> pages, Set<String> fonts, String tofu) {

    /**
     * One rendered page.
     *
     * @param png the PNG file it was rendered to
     * @param ink     the share of its pixels that are not near-white, 0..1
     * @param bodyInk the same share between the running header and the page number (25 mm from either edge)
     */
    record Page(Path png, double ink, double bodyInk, String text) {
    }

    /** Renders every page of {@code pdf} at 110 dpi to {@code <prefix>-p<N>.png} in {@code directory}. */
    static RenderedPdf of(byte[] pdf, Path directory, String prefix) throws IOException {
        Files.createDirectories(directory);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<Page> pages = new ArrayList<>();
            Set<String> fonts = new TreeSet<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 110, ImageType.RGB);
                Path png = directory.resolve(prefix + "-p" + (i + 1) + ".png");
                ImageIO.write(image, "png", png.toFile());
                PDFTextStripper pageText = new PDFTextStripper();
                pageText.setStartPage(i + 1);
                pageText.setEndPage(i + 1);
                int band = (int) Math.round(image.getHeight() * 25 / 297.0);
                pages.add(new Page(png, ink(image), ink(image.getSubimage(0, band, image.getWidth(),
                        image.getHeight() - 2 * band)), pageText.getText(document)));
                PDPage page = document.getPage(i);
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName() + " (" + (font instanceof PDType0Font ? "Type0" : font.getClass()
                            .getSimpleName()) + ", " + (font.isEmbedded() ? "embedded" : "not embedded") + ")");
                }
            }
            NotdefFinder notdef = new NotdefFinder();
            return new RenderedPdf(notdef.getText(document), pages, fonts, notdef.found.toString());
        }
    }

    /** Reads the text and notes every character whose code the drawing font maps to glyph 0 (.notdef). */
    private static final class NotdefFinder extends PDFTextStripper {

        final StringBuilder found = new StringBuilder();

        @Override
        protected void processTextPosition(TextPosition text) {
            super.processTextPosition(text);
            if (text.getFont() instanceof PDType0Font font) {
                for (int code : text.getCharacterCodes()) {
                    try {
                        if (font.codeToGID(code) == 0) {
                            found.append(text.getUnicode());
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
    }

    private static double ink(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luminance = (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                if (luminance < 200) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) image.getWidth() * image.getHeight());
    }
}
