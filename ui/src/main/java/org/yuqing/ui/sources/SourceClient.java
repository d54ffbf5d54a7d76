package org.yuqing.ui.sources;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * The sources of the monitoring service and the progress of file imports, through the gateway as the current user
 * (monitoring limits sources to the user's unit scope and an import's progress to its uploader).
 */
@Component
class SourceClient {

    private final GatewayApi api;

    SourceClient(GatewayApi api) {
        this.api = api;
    }

    /**
     * The sources the user may see.
     *
     * @return the sources in monitoring's order
     * @throws GatewayCallException when they cannot be read
     */
    List<SourceRecord> sources() {
        return api.getList("/api/monitoring/sources", SourceRecord.class);
    }

    /**
     * Registers a source.
     *
     * @param draft the source
     * @throws GatewayCallException when monitoring refuses it (the detail names the fields)
     */
    void create(SourceDraft draft) {
        api.post("/api/monitoring/sources", draft);
    }

    /**
     * Changes a source.
     *
     * @param id    source id
     * @param draft its new settings
     * @throws GatewayCallException when monitoring refuses it
     */
    void update(String id, SourceDraft draft) {
        api.put("/api/monitoring/sources/{id}", draft, id);
    }

    /**
     * Deletes a source.
     *
     * @param id source id
     * @throws GatewayCallException when monitoring refuses it
     */
    void delete(String id) {
        api.delete("/api/monitoring/sources/{id}", id);
    }

    /**
     * Polls a source now (立即采集), in the background; read the sources again to see the outcome.
     *
     * @param id source id
     * @return the source as it was when the poll started
     * @throws GatewayCallException when monitoring refuses (unknown source, a user who may not change sources)
     */
    SourceRecord poll(String id) {
        return api.postFor("/api/monitoring/sources/{id}/poll", null, SourceRecord.class, id);
    }

    /**
     * Starts an import of a JSONL or CSV file (its ending tells monitoring which).
     *
     * @param fileName the file's name
     * @param content  the file
     * @return the import, queued
     * @throws GatewayCallException when monitoring refuses the file or cannot be reached
     */
    ImportProgress startImport(String fileName, byte[] content) {
        return api.postFile("/api/monitoring/imports", "file", fileName, null, content, ImportProgress.class);
    }

    /**
     * The progress of an import the user started.
     *
     * @param id the import
     * @return its progress now
     * @throws GatewayCallException when it cannot be read
     */
    ImportProgress importProgress(String id) {
        return api.get("/api/monitoring/imports/" + id, Map.of(), ImportProgress.class);
    }
}
