package org.yuqing.ui.topics;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * The progress of a running backfill (dialog {@code topic-backfill-dialog}): a progress bar
 * ({@code topic-backfill-progress}) and the figures ({@code topic-backfill-status}), read again every
 * {@link #POLL_MILLIS} ms until the job has ended. Closing the dialog stops the polling, not the job.
 */
class BackfillProgress extends Dialog {

    /** How often the progress is read. */
    static final int POLL_MILLIS = 1_000;

    private final BackfillClient client;
    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Span status = new Span();
    private BackfillStatus job;
    private Registration poll;

    BackfillProgress(BackfillClient client, String topicName, BackfillStatus started) {
        this.client = client;
        this.job = started;
        setId("topic-backfill-dialog");
        setHeaderTitle(getTranslation("monitoring.topics.backfill.title", topicName));
        setWidth("30em");
        bar.setId("topic-backfill-progress");
        status.setId("topic-backfill-status");
        add(bar, status);
        Button close = new Button(getTranslation("monitoring.topics.backfill.close"), click -> close());
        close.setId("topic-backfill-close");
        getFooter().add(close);
        show();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (!job.finished()) {
            UI ui = event.getUI();
            ui.setPollInterval(POLL_MILLIS);
            poll = ui.addPollListener(tick -> readAgain());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling(event.getUI());
        super.onDetach(event);
    }

    private void readAgain() {
        try {
            job = client.status(job.topicId(), job.id());
        } catch (GatewayCallException e) {
            status.setText(getTranslation("monitoring.topics.backfill.unreadable", e.userMessage(this::getTranslation)));
            return;
        }
        show();
        if (job.finished()) {
            getUI().ifPresent(this::stopPolling);
        }
    }

    private void show() {
        bar.setIndeterminate(!job.finished() && job.total() <= 0);
        bar.setValue(job.fraction());
        String figures = getTranslation("monitoring.topics.backfill.figures", job.processed(), job.total(),
                job.matched(), job.errors());
        String state = getTranslation("monitoring.topics.backfill.state." + job.state());
        String text = state + " · " + figures;
        if (job.message() != null && !job.message().isBlank()) {
            text += " · " + job.message();
        }
        status.setText(text);
        if ("FAILED".equals(job.state())) {
            status.getStyle().set("color", "var(--lumo-error-text-color)");
        }
    }

    private void stopPolling(UI ui) {
        if (poll != null) {
            poll.remove();
            poll = null;
            ui.setPollInterval(-1);
        }
    }
}
