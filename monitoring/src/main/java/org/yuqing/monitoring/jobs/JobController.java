package org.yuqing.monitoring.jobs;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yuqing.monitoring.web.NotFoundException;
import org.yuqing.security.Caller;

import java.util.UUID;

/**
 * HTTP API of background jobs: {@code POST /api/monitoring/topics/{id}/backfill} → 202 with the job and its address
 * {@code GET /api/monitoring/topics/{id}/backfills/{jobId}} (topic editors of the topic's unit scope);
 * {@code POST /api/monitoring/admin/reindex {"from":"yyyy-MM","to":"yyyy-MM"}} → 202 with the job and its address
 * {@code GET /api/monitoring/admin/reindex/{jobId}} (administrators; a re-index is its starter's).
 */
@RestController
class JobController {

    private final Backfills backfills;
    private final Reindex reindex;

    JobController(Backfills backfills, Reindex reindex) {
        this.backfills = backfills;
        this.reindex = reindex;
    }

    @PostMapping("/api/monitoring/topics/{id}/backfill")
    ResponseEntity<JobStatus> backfill(@PathVariable String id, Caller caller) {
        UUID topicId = NotFoundException.parseId("topic", id);
        JobStatus job = backfills.start(topicId, caller);
        return ResponseEntity.accepted().location(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/monitoring/topics/{id}/backfills/{jobId}").buildAndExpand(topicId, job.id()).toUri()).body(job);
    }

    @GetMapping("/api/monitoring/topics/{id}/backfills/{jobId}")
    JobStatus backfillStatus(@PathVariable String id, @PathVariable String jobId, Caller caller) {
        return backfills.status(NotFoundException.parseId("topic", id), NotFoundException.parseId("backfill", jobId), caller);
    }

    @PostMapping("/api/monitoring/admin/reindex")
    ResponseEntity<JobStatus> reindex(@RequestBody Reindex.Request request, Caller caller) {
        JobStatus job = reindex.start(request, caller);
        return ResponseEntity.accepted().location(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/monitoring/admin/reindex/{jobId}").buildAndExpand(job.id()).toUri()).body(job);
    }

    @GetMapping("/api/monitoring/admin/reindex/{jobId}")
    JobStatus reindexStatus(@PathVariable String jobId, Caller caller) {
        return reindex.status(NotFoundException.parseId("re-index", jobId), caller);
    }
}
