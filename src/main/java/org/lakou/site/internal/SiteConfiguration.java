package org.lakou.site.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Pages speak French unless the reader asks for English with {@code ?lang=en} (or the switcher),
 * which a cookie then remembers. The API's own {@code lang} parameters (search facets,
 * autocomplete) pick labels, not the page language, so the switch is not watched under /api.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SiteProperties.class)
class SiteConfiguration implements WebMvcConfigurer {

    static final Set<String> LANGUAGES = Set.of("fr", "en");
    static final String[] NOT_PAGES = {"/api/**", "/oai/**", "/v3/**", "/actuator/**", "/webjars/**", "/css/**",
        "/js/**"};

    /** French is the fallback for a missing key or an unknown language, never the JVM's locale. */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames(Bundles.NAMES);
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        m.setDefaultLocale(Locale.FRENCH);
        return m;
    }

    /**
     * Turns off the link rewriting Boot adds for Thymeleaf because webjars-locator-lite enables the
     * resource chain. It sent every link of every page through the static resource resolvers, and
     * a link to a page, not a file, missed them all: a lookup in each of the four static locations
     * across every jar on the class path, per link, most of a staff page's render time (a thread
     * dump sampling of bench/pages). Nothing needs it: the pages link to WebJars without a version,
     * which the /webjars/ handler resolves when the file itself is asked for.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> linksAsWritten() {
        var r = new FilterRegistrationBean<ResourceUrlEncodingFilter>(new ResourceUrlEncodingFilter());
        r.setEnabled(false);
        return r;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver r = new CookieLocaleResolver("lakou-lang");
        r.setDefaultLocale(Locale.FRENCH);
        r.setCookieMaxAge(Duration.ofDays(365));
        r.setRejectInvalidCookies(true);
        return r;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch()).excludePathPatterns(NOT_PAGES);
    }

    /** {@code ?lang=fr|en}; anything else is ignored, so the page never claims a language it lacks. */
    static final class LanguageSwitch implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter("lang");
            if (lang != null && LANGUAGES.contains(lang) && "GET".equals(request.getMethod())) {
                LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
                if (resolver != null) {
                    resolver.setLocale(request, response, Locale.forLanguageTag(lang));
                }
            }
            return true;
        }
    }
}
