package org.lakou.members;

/**
 * Published after an account was created or changed (profile, category, status, role, password),
 * for read caches built from the accounts, such as the activity report's members by category.
 */
public record MemberChanged(String memberId) {
}
