package org.yuqing.casework.contacts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.casework.contacts.ContactRepository.StoredPerson;
import org.yuqing.casework.contacts.ContactRepository.StoredRobot;
import org.yuqing.security.AuditTrail;
import org.yuqing.security.Caller;
import org.yuqing.security.ForbiddenUnitException;
import org.yuqing.security.OutOfScopeException;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contact directory API (通讯录配置), for administrators of the units concerned (ADMIN):
 * <ul>
 *   <li>{@code GET /api/casework/contacts/people?unit=} — the people with a unit in the caller's scope;</li>
 *   <li>{@code PUT /api/casework/contacts/people/{login}} {@code {name, units, roles, email, mobile, channels}} —
 *       enters or replaces a person; every unit named must be in the caller's scope (403), and so must every unit
 *       of the entry it replaces;</li>
 *   <li>{@code DELETE /api/casework/contacts/people/{login}} — 204;</li>
 *   <li>{@code GET /api/casework/contacts/units?unit=} — the group robots of the units in scope, addresses shown
 *       without their credential, secrets never;</li>
 *   <li>{@code PUT /api/casework/contacts/units/{unitId}} {@code {robots:[{name, kind, webhookUrl, secret}]}} —
 *       replaces the unit's robots; a robot named as before keeps its address when {@code webhookUrl} is left out
 *       and its secret when {@code secret} is left out ({@code ""} removes the secret).</li>
 * </ul>
 * Invalid bodies answer 400 before any scope check; an entry outside the caller's scope answers 404 like an unknown
 * one. Every change is audited as CONFIG_CHANGE, without addresses' credentials or secrets.
 */
@RestController
@RequestMapping("/api/casework/contacts")
class ContactController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
    private static final Pattern MOBILE = Pattern.compile("\\+?[0-9]{6,15}");
    private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}]{1,100}");
    private static final Set<String> CHANNELS = Set.of(PersonContact.EMAIL, PersonContact.SMS);
    private static final Set<String> KINDS = Set.of(UnitRobot.WECOM, UnitRobot.DINGTALK);
    private static final String NOT_FOUND = "未找到：对象不存在，或不属于您的单位。";

    private final ContactRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    ContactController(ContactRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** A person as the directory API shows them. */
    record PersonView(String login, String name, List<String> units, List<String> roles, String email, String mobile,
                      List<String> channels, String updatedBy, Instant updatedAt) {

        static PersonView of(StoredPerson s) {
            PersonContact p = s.person();
            return new PersonView(p.login(), p.name(), p.units(), p.roles(), p.email(), p.mobile(), p.channels(),
                    s.updatedBy(), s.updatedAt());
        }
    }

    /**
     * A person entry.
     *
     * @param channels {@code EMAIL} and/or {@code SMS}; when left out, every channel the person has an address for
     */
    record PersonRequest(String name, List<String> units, List<String> roles, String email, String mobile,
                         List<String> channels) {
    }

    /** A unit's robots as the API shows them: {@code webhook} without its query, {@code signed} instead of the secret. */
    record UnitRobotsView(String unitId, List<RobotView> robots) {
    }

    /** One robot as the API shows it. */
    record RobotView(String name, String kind, String webhook, boolean signed, String updatedBy, Instant updatedAt) {
    }

    /** The robots a unit's notices go to (replacing the unit's current ones). */
    record UnitRobotsRequest(List<RobotRequest> robots) {
    }

    /**
     * One robot.
     *
     * @param kind       {@code WECOM} or {@code DINGTALK}
     * @param webhookUrl the webhook address with its key / access_token; left out: the same robot's current one
     * @param secret     the DingTalk 加签 secret; left out: unchanged; {@code ""}: none
     */
    record RobotRequest(String name, String kind, String webhookUrl, String secret) {
    }

    @GetMapping("/people")
    @Transactional(readOnly = true)
    public List<PersonView> people(@RequestParam(required = false) String unit, Caller caller) {
        return repository.people(caller.unitScope(), blankToNull(unit)).stream().map(PersonView::of).toList();
    }

    @PutMapping("/people/{login}")
    @Transactional
    public PersonView putPerson(@PathVariable String login, @RequestBody PersonRequest request, Caller caller) {
        PersonContact person = validPerson(login.strip(), request);
        Optional<StoredPerson> existing = repository.person(person.login());
        existing.ifPresent(e -> requireHolds(e.person(), caller));
        for (String unit : person.units()) {
            caller.requireMayActFor(unit, "contact " + person.login() + " for unit " + unit);
        }
        repository.savePerson(person, caller.login(), clock.instant());
        audit.done(AuditTrail.CONFIG_CHANGE, "contact " + person.login(), (existing.isPresent() ? "replaced" : "entered")
                + ": units " + person.units() + ", roles " + person.roles() + ", channels " + person.channels());
        return PersonView.of(repository.person(person.login()).orElseThrow());
    }

    @DeleteMapping("/people/{login}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    public void deletePerson(@PathVariable String login, Caller caller) {
        StoredPerson existing = repository.person(login).orElseThrow(ContactController::notFound);
        requireHolds(existing.person(), caller);
        repository.deletePerson(login);
        audit.done(AuditTrail.CONFIG_CHANGE, "contact " + login, "removed from units " + existing.person().units());
    }

    @GetMapping("/units")
    @Transactional(readOnly = true)
    public List<UnitRobotsView> units(@RequestParam(required = false) String unit, Caller caller) {
        Map<String, List<RobotView>> byUnit = new LinkedHashMap<>();
        for (StoredRobot s : repository.robots(caller.unitScope(), blankToNull(unit))) {
            UnitRobot r = s.robot();
            byUnit.computeIfAbsent(r.unitId(), u -> new ArrayList<>())
                    .add(new RobotView(r.name(), r.kind(), r.shownAddress(), r.signed(), s.updatedBy(), s.updatedAt()));
        }
        return byUnit.entrySet().stream().map(e -> new UnitRobotsView(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    @PutMapping("/units/{unitId}")
    @Transactional
    public UnitRobotsView putUnit(@PathVariable String unitId, @RequestBody UnitRobotsRequest request, Caller caller) {
        String unit = unitId.strip();
        if (request.robots() == null) {
            throw badRequest("robots is required: the unit's group robots, [] for none");
        }
        Set<String> names = new LinkedHashSet<>();
        for (RobotRequest r : request.robots()) {
            if (r == null || r.name() == null || !NAME.matcher(r.name().strip()).matches()) {
                throw badRequest("every robot needs a name of 1 to 100 characters");
            }
            if (!names.add(r.name().strip())) {
                throw badRequest("robot names are unique within a unit: " + r.name().strip() + " appears twice");
            }
            if (r.kind() == null || !KINDS.contains(r.kind())) {
                throw badRequest("robot " + r.name().strip() + ": kind is WECOM or DINGTALK");
            }
            if (r.webhookUrl() != null && webhook(r.webhookUrl()) == null) {
                throw badRequest("robot " + r.name().strip() + ": webhookUrl must be an absolute http(s) address");
            }
            if (UnitRobot.WECOM.equals(r.kind()) && r.secret() != null && !r.secret().isEmpty()) {
                throw badRequest("robot " + r.name().strip() + ": WeCom robots are not signed; leave secret out");
            }
        }
        caller.requireMayActFor(unit, "robots of unit " + unit);
        Map<String, UnitRobot> current = new LinkedHashMap<>();
        repository.robotsOf(unit).forEach(r -> current.put(r.name(), r));
        List<UnitRobot> robots = new ArrayList<>();
        for (RobotRequest r : request.robots()) {
            String name = r.name().strip();
            UnitRobot before = current.get(name);
            URI url = r.webhookUrl() != null ? webhook(r.webhookUrl()) : before == null ? null : before.webhookUrl();
            if (url == null) {
                throw badRequest("robot " + name + " is new: webhookUrl is required");
            }
            String secret = r.secret() != null ? (r.secret().isEmpty() ? null : r.secret())
                    : before == null || !before.kind().equals(r.kind()) ? null : before.secret();
            robots.add(new UnitRobot(unit, name, r.kind(), url, secret));
        }
        repository.replaceRobots(unit, robots, caller.login(), clock.instant());
        audit.done(AuditTrail.CONFIG_CHANGE, "robots of unit " + unit, "now " + robots.stream()
                .map(r -> r.name() + " (" + r.kind() + (r.signed() ? ", signed" : "") + ")").toList());
        return units(unit, caller).stream().findFirst().orElse(new UnitRobotsView(unit, List.of()));
    }

    // Replacing or removing an entry is for an administrator of every unit it names; one who sees none of them
    // finds nothing (404), one who sees some is refused (403).
    private static void requireHolds(PersonContact existing, Caller caller) {
        if (existing.units().stream().noneMatch(caller::sees)) {
            throw new OutOfScopeException("contact " + existing.login());
        }
        for (String unit : existing.units()) {
            if (!caller.sees(unit)) {
                throw new ForbiddenUnitException("contact " + existing.login() + " of unit " + unit);
            }
        }
    }

    private static PersonContact validPerson(String login, PersonRequest r) {
        if (login.isEmpty() || !NAME.matcher(login).matches()) {
            throw badRequest("login must have 1 to 100 characters");
        }
        if (r.name() == null || !NAME.matcher(r.name().strip()).matches()) {
            throw badRequest("name is required (1 to 100 characters): how notices address the person");
        }
        List<String> units = cleaned(r.units());
        if (units.isEmpty()) {
            throw badRequest("units must name at least one unit whose notices reach the person");
        }
        List<String> roles = cleaned(r.roles());
        if (roles.isEmpty()) {
            throw badRequest("roles must name at least one escalation role, e.g. ASSIGNEE, UNIT_HEAD, LEADER_IN_CHARGE");
        }
        String email = blankToNull(r.email());
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw badRequest("email is not an email address: " + email);
        }
        String mobile = r.mobile() == null ? null : blankToNull(r.mobile().replaceAll("[\\s-]", ""));
        if (mobile != null && !MOBILE.matcher(mobile).matches()) {
            throw badRequest("mobile must be 6 to 15 digits, optionally after +");
        }
        List<String> channels;
        if (r.channels() == null) {
            channels = new ArrayList<>();
            if (email != null) {
                channels.add(PersonContact.EMAIL);
            }
            if (mobile != null) {
                channels.add(PersonContact.SMS);
            }
        } else {
            channels = cleaned(r.channels());
            for (String c : channels) {
                if (!CHANNELS.contains(c)) {
                    throw badRequest("channels are EMAIL and SMS; " + c + " is neither");
                }
            }
            if (channels.contains(PersonContact.EMAIL) && email == null) {
                throw badRequest("channel EMAIL needs an email address");
            }
            if (channels.contains(PersonContact.SMS) && mobile == null) {
                throw badRequest("channel SMS needs a mobile number");
            }
        }
        return new PersonContact(login, r.name().strip(), units, roles, email, mobile, channels);
    }

    private static List<String> cleaned(List<String> values) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw badRequest("list entries must not be blank");
            }
            out.add(v.strip());
        }
        return List.copyOf(out);
    }

    private static URI webhook(String text) {
        try {
            URI url = URI.create(text.strip());
            boolean http = "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
            return http && url.getRawAuthority() != null ? url : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }

    private static ErrorResponseException notFound() {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, NOT_FOUND), null);
    }
}
