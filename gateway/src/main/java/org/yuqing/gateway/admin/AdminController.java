package org.yuqing.gateway.admin;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.gateway.audit.AuditedRequests;
import org.yuqing.gateway.identity.UserAccount;
import org.yuqing.gateway.identity.UserDirectory;
import org.yuqing.security.AuditEntry;
import org.yuqing.security.AuditTrail;
import org.yuqing.security.Role;

import static org.yuqing.gateway.identity.ApiProblems.problem;

/**
 * The directory's administration API, served by the gateway itself: units ({@code /api/identity/units}), users
 * ({@code /api/identity/users}, one user at {@code /api/identity/users/{login}}) and the gateway's audit
 * ({@code /api/identity/audit}). The caller's roles and units
 * are read from the directory on each call; an administrator acts within their unit scope only, and a user outside
 * it looks like an unknown one (404).
 */
@RestController
class AdminController {

    private static final int MAX_AUDIT_LIMIT = 1000;

    private final UserDirectory directory;
    private final DirectoryAdmin admin;
    private final AuditTrail audit;

    AdminController(UserDirectory directory, DirectoryAdmin admin, AuditTrail audit) {
        this.directory = directory;
        this.admin = admin;
        this.audit = audit;
    }

    /** The units the caller sees (any logged-in user: unit pickers). */
    @GetMapping("/api/identity/units")
    List<AdminApi.UnitView> units() {
        UserAccount user = user();
        var tree = directory.tree();
        Set<String> scope = tree.scope(user.units());
        return scope.stream().map(id -> tree.unit(id).orElseThrow())
                .map(unit -> new AdminApi.UnitView(unit.id(), unit.name(), unit.parentId()))
                .toList();
    }

    @PostMapping("/api/identity/units")
    ResponseEntity<AdminApi.UnitView> createUnit(@RequestBody AdminApi.NewUnit unit, HttpServletRequest request) {
        AdminApi.UnitView created = admin.createUnit(administrator(request), unit);
        return ResponseEntity.created(URI.create("/api/identity/units/" + created.id())).body(created);
    }

    @PutMapping("/api/identity/units/{id}")
    AdminApi.UnitView changeUnit(@PathVariable String id, @RequestBody AdminApi.UnitChange change,
                                 HttpServletRequest request) {
        return admin.changeUnit(administrator(request), id, change);
    }

    @DeleteMapping("/api/identity/units/{id}")
    ResponseEntity<Void> deleteUnit(@PathVariable String id, HttpServletRequest request) {
        admin.deleteUnit(administrator(request), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/identity/users")
    List<AdminApi.UserView> users(HttpServletRequest request) {
        return admin.users(administrator(request));
    }

    /** One user for the console's edit dialog: 404 for an unknown login or a user outside the caller's scope. */
    @GetMapping("/api/identity/users/{login}")
    AdminApi.UserView user(@PathVariable String login, HttpServletRequest request) {
        return admin.user(administrator(request), login);
    }

    @PostMapping("/api/identity/users")
    ResponseEntity<AdminApi.UserView> createUser(@RequestBody AdminApi.NewUser user, HttpServletRequest request) {
        AdminApi.UserView created = admin.createUser(administrator(request), user);
        return ResponseEntity.created(URI.create("/api/identity/users/" + created.login())).body(created);
    }

    @PutMapping("/api/identity/users/{login}")
    AdminApi.UserView changeUser(@PathVariable String login, @RequestBody AdminApi.UserChange change,
                                 HttpServletRequest request) {
        return admin.changeUser(administrator(request), login, change);
    }

    @PostMapping("/api/identity/users/{login}/password")
    ResponseEntity<Void> setPassword(@PathVariable String login, @RequestBody AdminApi.NewPassword password,
                                     HttpServletRequest request) {
        admin.setPassword(administrator(request), login, password);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/identity/audit")
    List<AuditEntry> audit(@RequestParam(defaultValue = "0") long after,
                           @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        UserAccount administrator = administrator(request).account();
        return audit.after(Math.max(0, after), Math.clamp(limit, 1, MAX_AUDIT_LIMIT),
                directory.scopeOf(administrator));
    }

    private UserAccount user() {
        return directory.current()
                .orElseThrow(() -> problem(HttpStatus.FORBIDDEN, "只有已登录的用户可以使用此接口。"));
    }

    private DirectoryAdmin.Admin administrator(HttpServletRequest request) {
        UserAccount user = user();
        if (!user.roles().contains(Role.ADMIN.name())) {
            throw problem(HttpStatus.FORBIDDEN, "只有管理员可以管理用户和单位。");
        }
        return new DirectoryAdmin.Admin(user, AuditedRequests.clientIp(request), request.getMethod(),
                request.getRequestURI());
    }
}
