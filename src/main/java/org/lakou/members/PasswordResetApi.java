package org.lakou.members;

/**
 * Forgotten passwords, for people who cannot log in: a code sent to the account's address, then a
 * new password with that code.
 */
public interface PasswordResetApi {

    /**
     * Mails a single-use code to the account with this address, if there is one that may log in.
     * Says nothing either way, so the form cannot tell who has an account.
     *
     * @param clientAddress where the request came from: one address gets only so many
     * @throws org.lakou.shared.ApiException 429 when that address asked too often
     */
    void request(String email, String clientAddress);

    /**
     * Sets the password of the account the code was sent to, and spends the code.
     *
     * @throws org.lakou.shared.ApiException 400 when the code is unknown, used or expired
     */
    void confirm(String code, String newPassword);
}
