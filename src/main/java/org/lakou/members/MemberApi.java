package org.lakou.members;

import java.util.List;
import java.util.Optional;

/** Accounts. Lookups are by id or e-mail, each a single-key read. */
public interface MemberApi {

    Member create(NewMember member);

    Optional<Member> find(String id);

    /** @throws org.lakou.shared.ApiException 404 when absent */
    Member get(String id);

    Optional<Member> findByEmail(String email);

    /** Staff listing; {@code query} matches name, e-mail or organisation (case-insensitive). */
    default List<Member> list(String query, Role role, int page, int size) {
        return list(query, role, null, page, size);
    }

    /** The same listing, also narrowed to one member category when {@code category} is not null. */
    List<Member> list(String query, Role role, MemberCategory category, int page, int size);

    Member update(String id, MemberProfile profile);

    Member setStatus(String id, MemberStatus status);

    Member setRole(String id, Role role);

    void setPassword(String id, String newPassword);

    /** True when the password matches (e.g. before a change of password). */
    boolean checkPassword(String id, String password);

    /** Whether any active administrator exists. */
    boolean hasAdministrator();

    ApiToken createToken(String memberId, String name);

    List<ApiToken> tokens(String memberId);

    void revokeToken(String memberId, String tokenId);
}
