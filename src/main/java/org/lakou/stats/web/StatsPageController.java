package org.lakou.stats.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.stats.ActivityReport;
import org.lakou.stats.StatsApi;
import org.lakou.stats.internal.StatsProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics dashboard (ADMIN): the activity report of a year as Chart.js charts, each with
 * its data table. The page embeds the report exactly as {@code GET /api/stats/report} serialises
 * it (the same call, the same JSON mapper), and the charts are drawn from that JSON, so a chart
 * can never show other figures than the API.
 */
@Hidden
@Controller
class StatsPageController {

    static final int YEARS_OFFERED = 10;

    private final StatsApi stats;
    private final Clock clock;
    private final StatsProperties properties;
    private final JsonMapper json;
    private final MessageSource messages;

    StatsPageController(StatsApi stats, Clock clock, StatsProperties properties, JsonMapper json,
            MessageSource messages) {
        this.stats = stats;
        this.clock = clock;
        this.properties = properties;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/gestion/admin/statistiques")
    String dashboard(@RequestParam(name = "annee", required = false) Integer year, Model model) {
        ActivityReport report = stats.activity(StatsController.year(year, clock, properties));
        Locale locale = LocaleContextHolder.getLocale();
        StatsDashboard dashboard = StatsDashboard.of(report, locale, code -> category(code, locale),
                messages.getMessage("admin.stats.noTheme", null, locale));
        model.addAttribute("report", report);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("reportJson", script(json.writeValueAsString(report)));
        model.addAttribute("axesJson", script(json.writeValueAsString(Map.of("axes", dashboard.axes()))));
        model.addAttribute("years", years(report.year()));
        return "stats/dashboard";
    }

    /** The last ten years, and the one shown if it is older or in the future. */
    private List<Integer> years(int shown) {
        int now = clock.instant().atZone(properties.zone()).getYear();
        List<Integer> out = new ArrayList<>();
        if (shown > now) {
            out.add(shown);
        }
        for (int y = now; y > now - YEARS_OFFERED; y--) {
            out.add(y);
        }
        if (shown <= now - YEARS_OFFERED) {
            out.add(shown);
        }
        return out;
    }

    private String category(String code, Locale locale) {
        String label = messages.getMessage("category." + code, null, null, locale);
        return label != null ? label : messages.getMessage("admin.stats.category." + code, null, code, locale);
    }

    /** JSON inside a script element: "</" or "<!--" in a theme label must not end or comment it. */
    static String script(String jsonText) {
        return jsonText.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
