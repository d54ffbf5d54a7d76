package org.yuqing.casework.tasks;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.casework.tasks.Tasks.TaskView;
import org.yuqing.security.Caller;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * The task API: {@code POST /api/casework/cases/{id}/tasks} gives a task to a unit (201), {@code POST
 * /api/casework/cases/{id}/tasks/{taskId}/complete} completes it (200; 409 when done already). Tasks are listed on
 * the case ({@code GET /api/casework/cases/{id}}, property {@code tasks}).
 */
@RestController
class TaskController {

    private final Tasks tasks;

    TaskController(Tasks tasks) {
        this.tasks = tasks;
    }

    /**
     * A task to give.
     *
     * @param unitId the unit to do it (required; within the caller's unit scope)
     * @param title  what is to be done (required)
     * @param dueAt  by when (required, in the future)
     */
    record TaskRequest(String unitId, String title, Instant dueAt) {
    }

    @PostMapping("/api/casework/cases/{id}/tasks")
    ResponseEntity<TaskView> assign(@PathVariable UUID id, @RequestBody TaskRequest request, Caller caller) {
        if (blank(request.unitId()) || blank(request.title()) || request.dueAt() == null) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "unitId, title and dueAt are required"), null);
        }
        Task task = tasks.assign(id, request.unitId().strip(), request.title().strip(), request.dueAt(), caller);
        return ResponseEntity.created(URI.create("/api/casework/cases/" + id + "/tasks/" + task.id()))
                .body(TaskView.of(task, tasks.now()));
    }

    @PostMapping("/api/casework/cases/{id}/tasks/{taskId}/complete")
    TaskView complete(@PathVariable UUID id, @PathVariable UUID taskId, Caller caller) {
        return TaskView.of(tasks.complete(id, taskId, caller), tasks.now());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
