package org.lakou.members.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lakou.members.PasswordResetApi;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Forgotten passwords: open to anyone, since whoever needs it cannot log in. */
@Tag(name = "My account", description = "The current account and its API tokens")
@RestController
@RequestMapping("/api/members/password-reset")
class PasswordResetController {

    private final PasswordResetApi resets;

    PasswordResetController(PasswordResetApi resets) {
        this.resets = resets;
    }

    record ResetRequest(@NotBlank @Email @Size(max = 320) String email) {
    }

    record NewPassword(@NotBlank @Size(max = 200) String code, @NotNull @Size(min = 12, max = 200) String password) {
    }

    @Operation(summary = "Mail me a code to choose a new password",
            description = "Always 202, whether or not the address has an account; 429 when one client "
                    + "address asked too often (as many as the failed logins it is allowed).")
    @PostMapping
    ResponseEntity<Void> request(@Valid @RequestBody ResetRequest body, HttpServletRequest http) {
        resets.request(body.email(), http.getRemoteAddr());
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "Set a new password with the mailed code", description = "The code works once.")
    @PostMapping("/confirm")
    ResponseEntity<Void> confirm(@Valid @RequestBody NewPassword body) {
        resets.confirm(body.code(), body.password());
        return ResponseEntity.noContent().build();
    }
}
