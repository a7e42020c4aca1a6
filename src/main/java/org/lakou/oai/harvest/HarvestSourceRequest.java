package org.lakou.oai.harvest;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.support.CronExpression;

/**
 * What an administrator sends to register or change a source. {@code schedule} is a Spring cron
 * expression ({@code "0 0 3 * * *"}) or an interval ({@code "6h"}, {@code "PT30M"}); absent means
 * manual runs only.
 */
public record HarvestSourceRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String baseUrl,
        @NotBlank @Pattern(regexp = "oai_dc|mods", message = "must be oai_dc or mods") String metadataPrefix,
        @Pattern(regexp = "[A-Za-z0-9\\-_.!~*'()]+(:[A-Za-z0-9\\-_.!~*'()]+)*", message = "must be an OAI set spec")
        String set,
        @Size(max = 100) String schedule,
        Boolean enabled) {

    @AssertTrue(message = "schedule must be a cron expression (6 fields) or an interval such as 6h or PT30M")
    public boolean isScheduleValid() {
        return schedule == null || schedule.isBlank() || Schedules.parse(schedule) != null;
    }

    /** Parses schedules; null when the text is neither form. */
    static final class Schedules {

        private Schedules() {
        }

        static Object parse(String text) {
            String s = text.trim();
            if (CronExpression.isValidExpression(s)) {
                return CronExpression.parse(s);
            }
            try {
                Duration d = DurationStyle.detectAndParse(s);
                return d.compareTo(Duration.ofMinutes(1)) >= 0 ? d : null;
            } catch (IllegalArgumentException | DateTimeParseException e) {
                return null;
            }
        }
    }
}
