package org.lakou.members;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Creates an account. A null password makes an account that cannot log in yet (a member registered
 * at the desk who only borrows); a null role means {@code MEMBER}.
 */
public record NewMember(
        @NotBlank @Email @Size(max = 200) String email,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 300) String organisation,
        @NotNull MemberCategory category,
        Role role,
        @Size(min = 12, max = 200, message = "at least 12 characters") String password) {

    public NewMember {
        role = role == null ? Role.MEMBER : role;
    }
}
