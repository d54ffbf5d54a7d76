package org.yuqing.casework.cases;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A part of a case that another casework feature keeps (its tasks, its attachments): shown as one property of the
 * case detail, and able to hold the case open. Implementations are beans; the case feature finds them all, so it
 * does not depend on them.
 */
public interface CaseSection {

    /** The property of the case detail that shows this section, e.g. {@code tasks}. */
    String name();

    /**
     * What the case detail shows, read inside the detail's transaction.
     *
     * @param now the service clock's time of the request (e.g. for "overdue")
     */
    Object of(UUID caseId, Instant now);

    /**
     * Why the case may not be closed (moved to REVIEWED) now, or empty when this section does not object. Called with
     * the case row locked (when closing) so that nothing the section counts can be added meanwhile.
     */
    default Optional<String> closingRefusal(UUID caseId) {
        return Optional.empty();
    }
}
