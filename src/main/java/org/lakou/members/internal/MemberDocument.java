package org.lakou.members.internal;

import java.time.Instant;

import org.lakou.members.Member;
import org.lakou.members.MemberCategory;
import org.lakou.members.MemberStatus;
import org.lakou.members.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The stored account. The e-mail's uniqueness lives in {@code member_emails} (its {@code _id}). */
@Document("members")
class MemberDocument {

    @Id
    String id;
    String email;
    String name;
    String organisation;
    MemberCategory category;
    Role role = Role.MEMBER;
    MemberStatus status = MemberStatus.ACTIVE;
    String passwordHash;
    Instant created;
    @Version
    Long version;

    Member toMember() {
        return new Member(id, email, name, organisation, category, role, status, created);
    }
}
