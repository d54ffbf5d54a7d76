package org.yuqing.grading.classification;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.domain.Category;

import java.util.Map;

/**
 * The classification lexicon over HTTP: {@code GET /api/grading/classification/lexicon},
 * {@code PUT /api/grading/classification/lexicon/{category}} with {@code {"word": weight, …}} to replace
 * a category's words, and {@code POST /api/grading/classification/classify} with {@code {"text": …}} to
 * try the classifier on a text. The lexicon is shared by every unit: everybody reads it and tries the classifier,
 * administrators edit it (see the service's access rules); every edit is audited.
 */
@RestController
class LexiconController {

    private final LexiconRepository lexicons;

    LexiconController(LexiconRepository lexicons) {
        this.lexicons = lexicons;
    }

    @GetMapping("/api/grading/classification/lexicon")
    Map<Category, Map<String, Double>> lexicon() {
        return lexicons.lexicon().words();
    }

    @PutMapping("/api/grading/classification/lexicon/{category}")
    Map<Category, Map<String, Double>> replace(@PathVariable Category category,
                                               @RequestBody Map<String, Double> words) {
        try {
            return lexicons.replace(category, words).words();
        } catch (IllegalArgumentException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            problem.setTitle("词库不合规");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
    }

    @PostMapping("/api/grading/classification/classify")
    Classification classify(@RequestBody TextToClassify body) {
        return lexicons.classifier().classify(body.text());
    }

    /** A text to try the classifier on. */
    record TextToClassify(String text) {
    }
}
