package org.lakou.members.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lakou.members.ApiToken;
import org.lakou.members.Member;
import org.lakou.members.MemberApi;
import org.lakou.shared.ApiException;
import org.lakou.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The logged-in account: profile, password and personal API tokens. */
@Tag(name = "My account", description = "The current account and its API tokens")
@RestController
@RequestMapping("/api/members/me")
class MyAccountController {

    private final MemberApi members;

    MyAccountController(MemberApi members) {
        this.members = members;
    }

    record NewToken(@Size(max = 100) String name) {
    }

    record PasswordChange(@NotNull String current, @NotNull @Size(min = 12, max = 200) String password) {
    }

    @Operation(summary = "The current account")
    @GetMapping
    Member me() {
        return members.get(me(Viewer.current()));
    }

    @Operation(summary = "Change my password")
    @PutMapping("/password")
    ResponseEntity<Void> password(@Valid @RequestBody PasswordChange change) {
        String id = me(Viewer.current());
        if (!members.checkPassword(id, change.current())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Wrong password", "The current password does not match")
                    .with("reason", "wrong-password");
        }
        members.setPassword(id, change.password());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "My API tokens (never their secrets)")
    @GetMapping("/tokens")
    List<ApiToken> tokens() {
        return members.tokens(me(Viewer.current()));
    }

    @Operation(summary = "Create an API token; its secret is shown once, in this answer",
            description = "Send it as `Authorization: Bearer <secret>`.")
    @PostMapping("/tokens")
    ResponseEntity<ApiToken> create(@Valid @RequestBody(required = false) NewToken body) {
        String name = body == null ? null : body.name();
        return ResponseEntity.status(HttpStatus.CREATED).body(members.createToken(me(Viewer.current()), name));
    }

    @Operation(summary = "Revoke one of my API tokens")
    @DeleteMapping("/tokens/{tokenId}")
    ResponseEntity<Void> revoke(@PathVariable String tokenId) {
        members.revokeToken(me(Viewer.current()), tokenId);
        return ResponseEntity.noContent().build();
    }

    private static String me(Viewer viewer) {
        if (viewer.memberId() == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "Log in first");
        }
        return viewer.memberId();
    }
}
