package org.yuqing.casework.documents;

import org.openpdf.text.pdf.BaseFont;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Chinese fonts the documents are set in, found at run time: the files named in {@link DocumentsProperties}, else
 * the Noto CJK files in the configured font directories (the Simplified Chinese face of a collection). Looked up on
 * the first document and kept; when none is usable every document request answers 503 naming what was searched.
 */
@Component
class CjkFonts {

    /** A character every usable face must have: the first of 舆情. */
    private static final char PROBE = '舆';

    private static final List<String> BODY = List.of("NotoSerifCJK-Regular.ttc", "NotoSerifCJKsc-Regular.otf",
            "NotoSerifSC-Regular.otf", "NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansSC-Regular.otf");
    private static final List<String> BOLD = List.of("NotoSerifCJK-Bold.ttc", "NotoSerifCJKsc-Bold.otf",
            "NotoSerifSC-Bold.otf", "NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold.otf", "NotoSansSC-Bold.otf");
    private static final List<String> HEADING = List.of("NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold.otf",
            "NotoSansSC-Bold.otf", "NotoSansCJK-Medium.ttc", "NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf");
    private static final List<String> SANS = List.of("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf",
            "NotoSansSC-Regular.otf");

    private final DocumentsProperties properties;
    private Fonts fonts;

    CjkFonts(DocumentsProperties properties) {
        this.properties = properties;
    }

    /**
     * The fonts, looked up once.
     *
     * @throws FontsUnavailableException (503) when no usable CJK font is configured or found
     */
    synchronized Fonts get() {
        if (fonts == null) {
            fonts = lookUp();
        }
        return fonts;
    }

    private Fonts lookUp() {
        Face body = configured(properties.bodyFont(), "body-font")
                .or(() -> search(BODY))
                .orElseThrow(() -> new FontsUnavailableException("未找到中文字体（CJK）。已查找目录：" + properties.fontDirectories()
                        + "，文件：" + BODY + "。请安装 fonts-noto-cjk，或设置 yuqing.casework.documents.body-font。"));
        Face bold = configured(properties.boldFont(), "bold-font").or(() -> search(BOLD)).orElse(body);
        Face heading = configured(properties.headingFont(), "heading-font").or(() -> search(HEADING)).orElse(bold);
        Face sans = search(SANS).orElse(heading);
        return new Fonts(body, bold, heading, sans);
    }

    private Optional<Face> configured(String path, String property) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(path.strip());
        if (!Files.isReadable(file)) {
            throw new FontsUnavailableException("yuqing.casework.documents." + property + " 指定的字体文件不存在或不可读："
                    + file + "。");
        }
        return Optional.of(Face.load(file).orElseThrow(() -> new FontsUnavailableException(
                "yuqing.casework.documents." + property + " 指定的字体不含中文字形：" + file + "。")));
    }

    private Optional<Face> search(List<String> fileNames) {
        for (String name : fileNames) {
            for (String directory : properties.fontDirectories()) {
                if (directory == null || directory.isBlank()) {
                    continue;
                }
                Path file = Path.of(directory.strip(), name);
                if (Files.isReadable(file)) {
                    Optional<Face> face = Face.load(file);
                    if (face.isPresent()) {
                        return face;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The faces by use, each with its PDF font (embedded as a subset) and its AWT font (for the chart).
     *
     * @param body    body text, 宋体-like
     * @param bold    emphasis and table headers
     * @param heading titles and section headings, 黑体-like
     * @param sans    the chart's labels
     */
    record Fonts(Face body, Face bold, Face heading, Face sans) {
    }

    /**
     * One face of a font file.
     *
     * @param file   the .ttc, .otf or .ttf file
     * @param index  the face's index in a collection, or -1 for a single-font file
     * @param family its family name, e.g. Noto Serif CJK SC (what a DOCX names)
     * @param pdf    the face for OpenPDF (Identity-H, embedded)
     * @param awt    the face for Java 2D, at size 1
     */
    record Face(Path file, int index, String family, BaseFont pdf, Font awt) {

        /** The Simplified Chinese face of the file, or empty when it has no Chinese glyphs or cannot be read. */
        static Optional<Face> load(Path file) {
            try {
                Font[] faces = Font.createFonts(file.toFile());
                int index = simplifiedChinese(faces);
                Font awt = faces[index];
                if (!awt.canDisplay(PROBE)) {
                    return Optional.empty();
                }
                boolean collection = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc");
                String name = collection ? file + "," + index : file.toString();
                BaseFont pdf = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                if (!pdf.charExists(PROBE)) {
                    return Optional.empty();
                }
                return Optional.of(new Face(file, collection ? index : -1, awt.getFamily(Locale.ROOT), pdf, awt));
            } catch (IOException | FontFormatException | RuntimeException e) {
                return Optional.empty();
            }
        }

        // Noto CJK collections hold JP, KR, SC, TC and HK faces (and Mono ones); the documents are Simplified Chinese.
        private static int simplifiedChinese(Font[] faces) {
            List<String> names = new ArrayList<>(Arrays.stream(faces).map(Font::getPSName).toList());
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i).toLowerCase(Locale.ROOT);
                if (n.contains("sc-") && !n.contains("mono")) {
                    return i;
                }
            }
            for (int i = 0; i < faces.length; i++) {
                if (faces[i].getFamily(Locale.ROOT).endsWith(" SC")) {
                    return i;
                }
            }
            return 0;
        }
    }

    /** No usable CJK font: 503, with what was searched, so an operator can install or configure one. */
    static final class FontsUnavailableException extends ErrorResponseException {

        FontsUnavailableException(String detail) {
            super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), null);
        }

        private static ProblemDetail problem(String detail) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "无法生成文书：" + detail);
            problem.setTitle("Chinese fonts unavailable");
            return problem;
        }
    }
}
