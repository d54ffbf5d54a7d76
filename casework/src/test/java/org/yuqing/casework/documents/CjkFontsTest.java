package org.yuqing.casework.documents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CjkFontsTest {

    private static final String NOTO = "/usr/share/fonts/opentype/noto";

    @Test
    void the_noto_cjk_files_of_the_machine_are_found_and_their_simplified_chinese_faces_picked() {
        CjkFonts.Fonts fonts = new CjkFonts(properties("", List.of("/nowhere", NOTO))).get();

        assertThat(fonts.body().file()).hasFileName("NotoSerifCJK-Regular.ttc");
        assertThat(fonts.body().family()).isEqualTo("Noto Serif CJK SC");
        assertThat(fonts.bold().file()).hasFileName("NotoSerifCJK-Bold.ttc");
        assertThat(fonts.heading().file()).hasFileName("NotoSansCJK-Bold.ttc");
        assertThat(fonts.sans().family()).isEqualTo("Noto Sans CJK SC");
        assertThat(fonts.body().pdf().getPostscriptFontName()).isEqualTo("NotoSerifCJKsc-Regular");
        assertThat(fonts.body().awt().canDisplayUpTo("舆情处理登记表")).isEqualTo(-1);
    }

    @Test
    void without_any_cjk_font_documents_answer_503_naming_where_they_looked(@TempDir Path empty) throws IOException {
        Files.writeString(empty.resolve("NotoSansCJK-Regular.ttc"), "not a font");

        CjkFonts.FontsUnavailableException e = catchThrowableOfType(CjkFonts.FontsUnavailableException.class,
                () -> new CjkFonts(properties("", List.of(empty.toString()))).get());

        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(e.getBody().getDetail()).contains(empty.toString(), "NotoSerifCJK-Regular.ttc", "fonts-noto-cjk",
                "yuqing.casework.documents.body-font");
    }

    @Test
    void a_configured_font_that_is_missing_or_has_no_chinese_is_named_in_the_503() {
        CjkFonts.FontsUnavailableException missing = catchThrowableOfType(CjkFonts.FontsUnavailableException.class,
                () -> new CjkFonts(properties("/nowhere/SimSun.ttf", List.of(NOTO))).get());
        assertThat(missing.getBody().getDetail()).contains("/nowhere/SimSun.ttf", "body-font");

        String latinOnly = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        CjkFonts.FontsUnavailableException latin = catchThrowableOfType(CjkFonts.FontsUnavailableException.class,
                () -> new CjkFonts(properties(latinOnly, List.of(NOTO))).get());
        assertThat(latin.getBody().getDetail()).contains(latinOnly, "不含中文字形");
    }

    private static DocumentsProperties properties(String body, List<String> directories) {
        return new DocumentsProperties(body, "", "", directories, Map.of("district", "区委网信办"));
    }
}
