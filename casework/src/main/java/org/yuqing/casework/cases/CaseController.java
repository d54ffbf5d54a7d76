package org.yuqing.casework.cases;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.casework.cases.CaseViews.AssignRequest;
import org.yuqing.casework.cases.CaseViews.AssigneesView;
import org.yuqing.casework.cases.CaseViews.CaseDetail;
import org.yuqing.casework.cases.CaseViews.CaseSummary;
import org.yuqing.casework.cases.CaseViews.CommentRequest;
import org.yuqing.casework.cases.CaseViews.OpenRequest;
import org.yuqing.casework.cases.CaseViews.ReportRequest;
import org.yuqing.casework.cases.CaseViews.ReviewRequest;
import org.yuqing.casework.cases.CaseViews.TransitionRequest;
import org.yuqing.security.Caller;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The case API: {@code /api/casework/cases}. The caller comes from the request's validated token: the actor on the
 * record is their login, and they see and act on the cases of their unit scope only (others' answer 404).
 */
@RestController
@RequestMapping("/api/casework/cases")
class CaseController {

    /** The longest comment, in characters. */
    static final int MAX_COMMENT = 4000;
    private static final int MAX_LIMIT = 500;
    /** The most people one case is assigned to. */
    static final int MAX_ASSIGNEES = 20;

    private final Cases cases;

    CaseController(Cases cases) {
        this.cases = cases;
    }

    @GetMapping
    List<CaseSummary> list(@RequestParam(required = false) String unit,
                           @RequestParam(required = false) CaseState state,
                           @RequestParam(defaultValue = "100") int limit, Caller caller) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit must be within 1.." + MAX_LIMIT);
        }
        Instant now = cases.now();
        return cases.list(blankToNull(unit), state, limit, caller).stream().map(c -> CaseSummary.of(c, now)).toList();
    }

    @GetMapping("/{id}")
    CaseDetail get(@PathVariable UUID id, Caller caller) {
        Instant now = cases.now();
        return cases.find(id, caller).map(found -> CaseDetail.of(found, now))
                .orElseThrow(() -> new CaseNotFoundException(id));
    }

    /**
     * Sets who works the case (指派): {@code {assignees:[{login, unitId}]}} replaces its assignees; 200 with them;
     * 400 when malformed or a login appears twice, 403 when a unit lies outside the caller's scope.
     */
    @PutMapping("/{id}/assignees")
    AssigneesView assign(@PathVariable UUID id, @RequestBody AssignRequest request, Caller caller) {
        if (request.assignees() == null) {
            throw new InvalidRequestException("assignees is required: [{login, unitId}], empty to unassign everyone");
        }
        if (request.assignees().size() > MAX_ASSIGNEES) {
            throw new InvalidRequestException("a case has at most " + MAX_ASSIGNEES + " assignees");
        }
        Set<String> logins = new HashSet<>();
        List<Assignee> assignees = request.assignees().stream().map((CaseViews.AssigneeRequest a) -> {
            if (a == null || blankToNull(a.login()) == null || blankToNull(a.unitId()) == null) {
                throw new InvalidRequestException("every assignee needs a login and the unitId they act for");
            }
            Assignee clean = new Assignee(a.login().strip(), a.unitId().strip());
            if (!logins.add(clean.login())) {
                throw new InvalidRequestException("login " + clean.login() + " is assigned twice");
            }
            return clean;
        }).toList();
        return new AssigneesView(id, cases.assign(id, assignees, caller));
    }

    /**
     * The heat of the case's incident over time as monitoring reported it (volume, reads, comments, reposts, sites,
     * mainstream outlets, negative share per measurement), oldest first: {@code {caseId, incidentId, points:[…]}}.
     */
    @GetMapping("/{id}/heat")
    Cases.HeatSeries heat(@PathVariable UUID id, Caller caller) {
        return cases.heat(id, caller);
    }

    /** Adds a comment (批注) to the case's timeline: 201 with the case; 400 without text, 422 when too long. */
    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    CaseDetail comment(@PathVariable UUID id, @RequestBody CommentRequest request, Caller caller) {
        String text = blankToNull(request.text());
        if (text == null) {
            throw new InvalidRequestException("text is required: the comment");
        }
        if (text.length() > MAX_COMMENT) {
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT, "a comment has at most " + MAX_COMMENT + " characters"), null);
        }
        cases.comment(id, text, caller);
        return get(id, caller);
    }

    @PostMapping("/{id}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    CaseDetail report(@PathVariable UUID id, @RequestBody ReportRequest request, Caller caller) {
        if (request.kind() == null) {
            throw new InvalidRequestException("kind is required: PHONE, WRITTEN or SPECIAL");
        }
        if (request.to() == null || request.to().isEmpty() || request.to().stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new InvalidRequestException("to must name at least one recipient, none blank");
        }
        List<String> recipients = request.to().stream().map(String::strip).toList();
        cases.recordReport(id, request.kind(), recipients, request.reportedAt(), request.level(), caller);
        return get(id, caller);
    }

    /** Opens a case by hand: 201 with the case, 409 when the incident already has one. */
    @PostMapping
    ResponseEntity<CaseDetail> open(@RequestBody OpenRequest request, Caller caller) {
        if (request.incidentId() == null || blankToNull(request.title()) == null
                || blankToNull(request.unitId()) == null || request.level() == null
                || blankToNull(request.reason()) == null) {
            throw new InvalidRequestException("incidentId, title, unitId, level (GENERAL, SERIOUS, MAJOR, "
                    + "EXTRAORDINARY) and reason are required");
        }
        CaseFile opened = cases.openByHand(request.incidentId(), request.title().strip(), request.unitId().strip(),
                request.level(), request.reason().strip(), caller);
        return ResponseEntity.created(URI.create("/api/casework/cases/" + opened.id())).body(get(opened.id(), caller));
    }

    /** Moves a case in the workflow: 200 with the case, 409 naming the allowed targets when refused. */
    @PostMapping("/{id}/transitions")
    CaseDetail transition(@PathVariable UUID id, @RequestBody TransitionRequest request, Caller caller) {
        if (request.to() == null) {
            throw new InvalidRequestException("to is required: one of " + List.of(CaseState.values()));
        }
        cases.transition(id, request.to(), blankToNull(request.note()), caller);
        return get(id, caller);
    }

    /** Records the post-incident review of a subsided case: 200 with the case, 409 when not subsided. */
    @PostMapping("/{id}/review")
    CaseDetail review(@PathVariable UUID id, @RequestBody ReviewRequest request, Caller caller) {
        if (blankToNull(request.summary()) == null) {
            throw new InvalidRequestException("summary is required: the written post-incident review");
        }
        cases.recordReview(id, request.summary().strip(), blankToNull(request.lessons()), caller);
        return get(id, caller);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
