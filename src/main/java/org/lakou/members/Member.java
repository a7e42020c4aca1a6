package org.lakou.members;

import java.time.Instant;

/** An account as other modules and API clients see it; never carries the password hash. */
public record Member(
        String id,
        String email,
        String name,
        String organisation,
        MemberCategory category,
        Role role,
        MemberStatus status,
        Instant created) {

    public boolean mayBorrow() {
        return status == MemberStatus.ACTIVE;
    }
}
