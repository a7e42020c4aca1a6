package org.lakou.shared;

/**
 * Sends an e-mail at most once per key, across restarts and app nodes: the key (for example
 * {@code loanId#overdue#7}) is claimed in Mongo before the mail leaves. A failed send releases the
 * claim so a later run retries.
 */
public interface Notifier {

    /** The mail to send; {@code key} names the notice, never the attempt. */
    record Notice(String key, String kind, String to, String subject, String body) {
    }

    /** @return true when this call sent it; false when it had been sent (or claimed) before. */
    boolean sendOnce(Notice notice);

    /** Whether a notice with this key was sent (or is being sent). */
    boolean wasSent(String key);
}
