package org.lakou.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.ForwardedHeaderFilter;

import jakarta.servlet.http.HttpServletRequest;

/** lakou.public-url first; else the request (X-Forwarded-* as the framework's filter rewrites it); else localhost. */
class RequestPublicUrlTest {

    private final MockEnvironment env = new MockEnvironment().withProperty("local.server.port", "43117");

    private RequestPublicUrl url(String configured) {
        return new RequestPublicUrl(new PublicUrlProperties(configured, null), env);
    }

    private static void during(HttpServletRequest request) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theConfiguredAddressWinsOverAnyRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/records");
        request.addHeader("X-Forwarded-Host", "attacker.example");
        during(request);
        RequestPublicUrl url = url("https://doc.ville-caraibe.org/lakou/");
        assertThat(url.configured()).isTrue();
        assertThat(url.base()).isEqualTo("https://doc.ville-caraibe.org/lakou");
        assertThat(url.record("R1")).isEqualTo("https://doc.ville-caraibe.org/lakou/records/R1");
    }

    @Test
    void withoutConfigurationTheRequestsHostPortAndContextPath() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/centre/api/records");
        request.setServerName("lakou.local");
        request.setServerPort(9443);
        request.setScheme("https");
        request.setContextPath("/centre");
        during(request);
        RequestPublicUrl url = url("");
        assertThat(url.configured()).isFalse();
        assertThat(url.base()).isEqualTo("https://lakou.local:9443/centre");
    }

    @Test
    void forwardedHostAndProtoAreHonouredThroughTheFrameworkFilter() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/records");
        request.setServerName("10.0.0.5");
        request.setServerPort(8080);
        request.addHeader("X-Forwarded-Host", "doc.ville-caraibe.org");
        request.addHeader("X-Forwarded-Proto", "https");
        AtomicReference<String> seen = new AtomicReference<>();
        RequestPublicUrl url = url(null);
        new ForwardedHeaderFilter().doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            during((HttpServletRequest) req);
            seen.set(url.base());
        });
        assertThat(seen.get()).isEqualTo("https://doc.ville-caraibe.org");
    }

    @Test
    void outsideARequestTheServersOwnPort() {
        assertThat(url(null).base()).isEqualTo("http://localhost:43117");
        assertThat(url(null).resolve("/api/alerts/A1")).isEqualTo("http://localhost:43117/api/alerts/A1");
    }
}
