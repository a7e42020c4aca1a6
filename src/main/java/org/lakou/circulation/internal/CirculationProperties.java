package org.lakou.circulation.internal;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lakou.circulation.*}. {@code defaultPolicy} applies where the policy table has no row;
 * {@code overdueSteps} are the days after the due date at which a reminder goes out;
 * {@code centreName} is printed on every barcode label.
 */
@Validated
@ConfigurationProperties("lakou.circulation")
public record CirculationProperties(
        @Valid @NotNull @DefaultValue DefaultPolicy defaultPolicy,
        @Min(1) @DefaultValue("7") int pickupDays,
        @Min(0) @DefaultValue("3") int dueSoonDays,
        @NotEmpty @DefaultValue({"1", "7", "14"}) List<@Min(0) Integer> overdueSteps,
        @NotNull @DefaultValue("15m") Duration noticeInterval,
        @NotNull @DefaultValue("10m") Duration reconcileInterval,
        @NotNull @DefaultValue("1m") Duration reconcileGrace,
        @DefaultValue("true") boolean jobsEnabled,
        @NotBlank @Size(max = 80) @DefaultValue("Centre de ressources") String centreName) {

    record DefaultPolicy(
            @DefaultValue("5") @Min(0) int maxLoans,
            @DefaultValue("21") @Min(1) int loanDays,
            @DefaultValue("2") @Min(0) int maxRenewals,
            @DefaultValue("true") boolean overdueBlocks) {
    }
}
