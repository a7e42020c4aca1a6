package org.lakou.members.internal;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lakou.members.*}. The first administrator comes from {@code admin-email} and
 * {@code admin-password} (environment {@code LAKOU_MEMBERS_ADMIN_EMAIL}, or the shorter
 * {@code LAKOU_ADMIN_EMAIL} / {@code LAKOU_ADMIN_PASSWORD} mapped in application.yaml); there is
 * no default password.
 */
@Validated
@ConfigurationProperties("lakou.members")
record MembersProperties(
        String adminEmail,
        String adminPassword,
        @DefaultValue("10") @Min(4) @Max(16) int bcryptStrength,
        @NotNull @DefaultValue Throttle throttle,
        /** How long a password-reset code sent by e-mail stays valid. */
        @NotNull @DefaultValue("1h") Duration passwordResetValidity) {

    /**
     * After {@code maxFailures} failed logins for one account from one address, within
     * {@code window}, that address is refused that account for {@code lockout}; after
     * {@code maxFailuresPerAccount} for one account from anywhere, the account is refused to all;
     * after {@code maxFailuresPerIp} from one address, that address is refused every account.
     */
    record Throttle(
            @DefaultValue("5") @Min(1) int maxFailures,
            @DefaultValue("20") @Min(1) int maxFailuresPerIp,
            @DefaultValue("50") @Min(1) int maxFailuresPerAccount,
            @NotNull @DefaultValue("15m") Duration window,
            @NotNull @DefaultValue("15m") Duration lockout) {
    }

    boolean adminConfigured() {
        return adminEmail != null && !adminEmail.isBlank() && adminPassword != null && !adminPassword.isBlank();
    }
}
