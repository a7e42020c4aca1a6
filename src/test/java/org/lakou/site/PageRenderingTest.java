package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * A template that fails half-way must not have sent anything yet: the application's view resolver
 * renders a page whole before writing it, so the error page can still replace it. With partial
 * output the first 4 kB would already be committed, and the browser would show a truncated page.
 */
class PageRenderingTest extends IntegrationTestBase {

    @Autowired
    ThymeleafViewResolver views;

    @Test
    void aTemplateFailingAfterABufferOfOutputHasCommittedNothing() throws Exception {
        View broken = views.resolveViewName("test/broken", Locale.FRENCH);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cassee");
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setBufferSize(4096);

        assertThatThrownBy(() -> broken.render(Map.of(), request, response)).hasStackTraceContaining("substring");

        assertThat(response.isCommitted()).as("nothing sent before the failure").isFalse();
        assertThat(response.getContentAsString()).doesNotContain("Paragraphe");
    }
}
