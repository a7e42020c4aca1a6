package org.lakou.alerts;

import java.util.List;

/**
 * Members' alerts. Access is checked here from the {@link org.lakou.shared.Viewer}: a member
 * creates, reads, changes and deletes their own; another member's alert answers 404, so its
 * existence is not revealed. Staff may read and change any, and list a given member's.
 */
public interface AlertApi {

    /** For the caller. @throws org.lakou.shared.ApiException 400 on unknown concepts, 409 past the per-member cap */
    Alert create(AlertCommand command);

    /** The caller's alerts; {@code memberId} (staff only, or one's own) lists that member's. */
    List<Alert> list(String memberId);

    Alert get(String id);

    /** Replaces the criteria; re-activating starts the next digest from now, not from the pause. */
    Alert update(String id, AlertCommand command);

    void delete(String id);
}
