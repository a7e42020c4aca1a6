package org.lakou.members.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.lakou.members.AuditEntry;
import org.lakou.members.AuditLog;
import org.lakou.members.Member;
import org.lakou.members.MemberApi;
import org.lakou.members.MemberProfile;
import org.lakou.members.MemberStatus;
import org.lakou.members.NewMember;
import org.lakou.members.Role;
import org.lakou.shared.ApiException;
import org.lakou.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff manage members; only administrators create staff accounts or change roles. */
@Tag(name = "Members", description = "Accounts, roles and categories (staff)")
@RestController
class MemberController {

    private final MemberApi members;
    private final AuditLog audit;

    MemberController(MemberApi members, AuditLog audit) {
        this.members = members;
        this.audit = audit;
    }

    record StatusChange(@NotNull MemberStatus status) {
    }

    record RoleChange(@NotNull Role role) {
    }

    record PasswordReset(@NotNull String password) {
    }

    @Operation(summary = "List accounts (staff); q matches name, e-mail or organisation")
    @GetMapping("/api/members")
    List<Member> list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw ApiException.badRequest("page must be >= 0 and size between 1 and 500");
        }
        return members.list(q, role, page, size);
    }

    @Operation(summary = "Create an account; a staff role needs an administrator")
    @PostMapping("/api/members")
    ResponseEntity<Member> create(@Valid @RequestBody NewMember m) {
        if (m.role().isStaff() && Viewer.current().level() != Viewer.Level.ADMIN) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only an administrator creates staff accounts")
                    .with("reason", "admin-only");
        }
        Member created = members.create(m);
        return ResponseEntity.created(URI.create("/api/members/" + created.id())).body(created);
    }

    @Operation(summary = "Get an account (staff)")
    @GetMapping("/api/members/{id}")
    Member get(@PathVariable String id) {
        return members.get(id);
    }

    @Operation(summary = "Edit name, e-mail, organisation and category (staff)")
    @PutMapping("/api/members/{id}")
    Member update(@PathVariable String id, @Valid @RequestBody MemberProfile profile) {
        guardStaffAccount(id);
        return members.update(id, profile);
    }

    @Operation(summary = "Suspend, close or reactivate an account (staff)")
    @PutMapping("/api/members/{id}/status")
    Member status(@PathVariable String id, @Valid @RequestBody StatusChange change) {
        guardStaffAccount(id);
        return members.setStatus(id, change.status());
    }

    @Operation(summary = "Change an account's role (administrators)")
    @PutMapping("/api/members/{id}/role")
    Member role(@PathVariable String id, @Valid @RequestBody RoleChange change) {
        return members.setRole(id, change.role());
    }

    @Operation(summary = "Set an account's password (staff for members, administrators for staff)")
    @PutMapping("/api/members/{id}/password")
    ResponseEntity<Void> password(@PathVariable String id, @Valid @RequestBody PasswordReset reset) {
        guardStaffAccount(id);
        members.setPassword(id, reset.password());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Audit log of staff actions, newest first (administrators)")
    @GetMapping("/api/audit")
    List<AuditEntry> audit(@RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "100") int limit) {
        return audit.recent(actor, limit);
    }

    /** A documentalist manages members, not other staff. */
    private void guardStaffAccount(String id) {
        if (members.get(id).role().isStaff() && Viewer.current().level() != Viewer.Level.ADMIN) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only an administrator manages staff accounts")
                    .with("reason", "admin-only");
        }
    }
}
