package org.lakou.members;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The fields staff edit on an account. */
public record MemberProfile(
        @NotBlank @Email @Size(max = 200) String email,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 300) String organisation,
        @NotNull MemberCategory category) {
}
