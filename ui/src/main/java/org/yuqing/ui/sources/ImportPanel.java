package org.yuqing.ui.sources;

import java.io.IOException;
import java.io.InputStream;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.shared.Registration;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.layout.ConsoleNotifications;

/**
 * 导入: a JSONL or CSV file of posts ({@code import-upload}) is handed to monitoring's file import; its progress
 * ({@code import-progress}, {@code import-status}) is read again every {@link #POLL_MILLIS} ms until it has ended, and
 * the lines it rejected are listed with why ({@code import-errors}). A file monitoring refuses as a whole (no post,
 * too large, undecodable, unusable CSV header) is explained by monitoring's own detail.
 */
class ImportPanel extends VerticalLayout {

    /** The largest file monitoring takes by default (its {@code YUQING_MONITORING_IMPORT_MAX_SIZE}). */
    static final long MAX_BYTES = 100L * 1024 * 1024;

    /** How often the progress is read. */
    static final int POLL_MILLIS = 1_000;

    private final SourceClient client;
    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Span status = new Span();
    private final Grid<ImportProgress.LineError> errors = new Grid<>(ImportProgress.LineError.class, false);
    private ImportProgress current;
    private Registration poll;

    ImportPanel(SourceClient client) {
        this.client = client;
        setPadding(false);

        Upload upload = new Upload();
        upload.setId("import-upload");
        upload.setUploadHandler(this::receive);
        upload.setAcceptedFileTypes(".jsonl", ".ndjson", ".json", ".csv", ".txt");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) MAX_BYTES);
        Paragraph help = new Paragraph(getTranslation("monitoring.import.help"));
        help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "0.875em");

        bar.setId("import-progress");
        bar.setVisible(false);
        status.setId("import-status");
        errors.setId("import-errors");
        errors.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        errors.addColumn(e -> String.valueOf(e.line())).setKey("line")
                .setHeader(getTranslation("monitoring.import.column.line")).setWidth("6em").setFlexGrow(0);
        errors.addColumn(ImportProgress.LineError::message).setKey("message")
                .setHeader(getTranslation("monitoring.import.column.message")).setFlexGrow(1);
        errors.setAllRowsVisible(true);
        errors.setVisible(false);

        add(new H3(getTranslation("monitoring.import.heading")), help, upload, bar, status, errors);
    }

    /** Runs in the upload's own request: that request carries the user's token, which monitoring needs. */
    private void receive(UploadEvent event) throws IOException {
        byte[] content;
        try (InputStream in = event.getInputStream()) {
            content = in.readAllBytes();
        }
        UI ui = event.getUI();
        try {
            // The upload request carries the user's token like every other request: the client passes it on.
            ImportProgress started = client.startImport(event.getFileName(), content);
            inUi(ui, () -> follow(started));
        } catch (GatewayCallException e) {
            inUi(ui, () -> refused(e));
        }
    }

    private static void inUi(UI ui, Command command) {
        if (ui.getSession().hasLock()) {
            command.execute();
        } else {
            ui.access(command);
        }
    }

    private void refused(GatewayCallException e) {
        String message = e.userMessage(this::getTranslation);
        status.setText(getTranslation("monitoring.import.refused", message));
        status.getStyle().set("color", "var(--lumo-error-text-color)");
        ConsoleNotifications.error(message);
    }

    private void follow(ImportProgress started) {
        current = started;
        status.getStyle().remove("color");
        show();
        getUI().ifPresent(this::startPolling);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (current != null && !current.finished()) {
            startPolling(event.getUI());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling(event.getUI());
        super.onDetach(event);
    }

    private void startPolling(UI ui) {
        if (poll == null && !current.finished()) {
            ui.setPollInterval(POLL_MILLIS);
            poll = ui.addPollListener(tick -> readAgain());
        }
    }

    private void stopPolling(UI ui) {
        if (poll != null) {
            poll.remove();
            poll = null;
            ui.setPollInterval(-1);
        }
    }

    private void readAgain() {
        try {
            current = client.importProgress(current.id());
        } catch (GatewayCallException e) {
            status.setText(getTranslation("monitoring.import.unreadable", e.userMessage(this::getTranslation)));
            return;
        }
        show();
        if (current.finished()) {
            getUI().ifPresent(this::stopPolling);
            if ("DONE".equals(current.state())) {
                ConsoleNotifications.success(getTranslation("monitoring.import.done", current.ingested(),
                        current.failed()));
            }
        }
    }

    private void show() {
        bar.setVisible(true);
        bar.setIndeterminate(!current.finished() && current.totalLines() <= 0);
        bar.setValue(current.fraction());
        String text = getTranslation("monitoring.import.status",
                current.fileName() == null ? "" : current.fileName(),
                getTranslation("monitoring.import.state." + current.state()), current.processed(),
                current.totalLines(), current.ingested(), current.failed());
        if (current.message() != null && !current.message().isBlank()) {
            text += " · " + current.message();
        }
        status.setText(text);
        if ("FAILED".equals(current.state())) {
            status.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        errors.setItems(current.errors());
        errors.setVisible(!current.errors().isEmpty());
    }
}
