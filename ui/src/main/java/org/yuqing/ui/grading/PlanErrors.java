package org.yuqing.ui.grading;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.client.RestClientResponseException;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.grading.GradingRecords.PlanError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The errors of a refused plan document: the grading service answers 422 with a problem whose {@code errors} lists
 * each error with its JSON-pointer {@code path}. The gateway client keeps the refused answer as the exception's
 * cause; only its {@code errors} are read from it (what the user sees is the service's own sentences).
 */
final class PlanErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlanErrors() {
    }

    /**
     * @param refused a refused call
     * @return the document's errors, empty when the answer lists none (then show the problem's detail)
     */
    static List<PlanError> of(GatewayCallException refused) {
        if (refused.reason() != GatewayCallException.Reason.REJECTED
                || !(refused.getCause() instanceof RestClientResponseException answer)
                || answer.getStatusCode().value() != 422) {
            return List.of();
        }
        try {
            JsonNode errors = JSON.readTree(answer.getResponseBodyAsString(StandardCharsets.UTF_8)).path("errors");
            List<PlanError> found = new ArrayList<>();
            for (JsonNode error : errors) {
                found.add(new PlanError(error.path("path").asString(""), error.path("kind").asString(""),
                        error.path("message").asString("")));
            }
            return found;
        } catch (JacksonException notJson) {
            return List.of();
        }
    }
}
