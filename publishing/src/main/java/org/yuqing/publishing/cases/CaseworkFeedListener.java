package org.yuqing.publishing.cases;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yuqing.domain.events.CaseEscalated;
import org.yuqing.domain.events.CaseOpened;
import org.yuqing.domain.events.IntegrationEvent;
import org.yuqing.events.IntegrationEventListener;

/**
 * Applies the upstream events publishing cares about: CaseOpened makes a case known with the
 * approvals its statements need, CaseEscalated raises them. Every other event is ignored. Both are
 * idempotent, and both announce {@link CaseRequirementsChanged} so statements re-check their state.
 */
@Component
class CaseworkFeedListener implements IntegrationEventListener {

    private final Cases cases;
    private final ApplicationEventPublisher events;

    CaseworkFeedListener(Cases cases, ApplicationEventPublisher events) {
        this.cases = cases;
        this.events = events;
    }

    @Override
    public void on(String feed, IntegrationEvent event) {
        switch (event) {
            case CaseOpened opened -> {
                cases.record(opened);
                events.publishEvent(new CaseRequirementsChanged(opened.caseId()));
            }
            case CaseEscalated escalated -> {
                if (cases.escalate(escalated)) {
                    events.publishEvent(new CaseRequirementsChanged(escalated.caseId()));
                }
            }
            default -> {
                // other events say nothing publishing needs
            }
        }
    }
}
