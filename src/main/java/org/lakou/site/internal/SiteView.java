package org.lakou.site.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.lakou.shared.Viewer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the layout needs on every page, whichever module rendered it and error pages too: who is
 * reading (for the navigation), the page language, and this page's address in the other language
 * (the switcher). Templates call it as {@code ${@site...}}, so no controller has to fill it in.
 */
@Component("site")
public class SiteView {

    private final SiteProperties props;

    SiteView(SiteProperties props) {
        this.props = props;
    }

    public boolean signedIn() {
        return Viewer.current().isMember();
    }

    public boolean staff() {
        return Viewer.current().isStaff();
    }

    public boolean admin() {
        return Viewer.current().isAdmin();
    }

    public String lang() {
        String l = LocaleContextHolder.getLocale().getLanguage();
        return SiteConfiguration.LANGUAGES.contains(l) ? l : "fr";
    }

    public String otherLang() {
        return "fr".equals(lang()) ? "en" : "fr";
    }

    /** This page in the other language: same path and query, {@code lang} replaced. */
    public String otherLangUrl() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original != null ? original.toString() : request.getRequestURI();
        String query = original != null ? null : request.getQueryString();
        return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", otherLang()).build()
                .toUriString();
    }

    /** A date as the reader's language writes it, in the centre's time zone; empty for null. */
    public String date(TemporalAccessor t) {
        if (t == null) {
            return "";
        }
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale());
        return t instanceof Instant i ? f.format(i.atZone(props.zone())) : f.format(t);
    }

    /** A moment with its time of day, as the reader's language writes it, in the centre's time zone. */
    public String dateTime(Instant t) {
        return t == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale()).format(t.atZone(props.zone()));
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang());
    }
}
