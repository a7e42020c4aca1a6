package org.lakou.oai.web;

import java.io.ByteArrayInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.lakou.oai.internal.OaiHarness;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Protocol errors are HTTP 200; an index that cannot answer is 503 with Retry-After. */
class OaiControllerTest {

    private final OaiHarness oai = new OaiHarness(100);
    private final OaiController controller = new OaiController(oai.provider);

    private MockHttpServletResponse call(String method, String... params) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/oai");
        for (int i = 0; i < params.length; i += 2) {
            request.addParameter(params[i], params[i + 1]);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        controller.oai(request, response);
        return response;
    }

    @Test
    void errorsAreOaiErrorsWithStatus200() throws Exception {
        MockHttpServletResponse r = call("POST", "verb", "Dance");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("text/xml");
        assertThat(r.getContentAsString()).contains("<error code=\"badVerb\"");
    }

    @Test
    void solrDownIs503WithRetryAfter() throws Exception {
        oai.storeDown(true);
        MockHttpServletResponse r = call("GET", "verb", "ListRecords", "metadataPrefix", "oai_dc");
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeader("Retry-After")).isEqualTo("30");
        assertOaiEnvelope(r, "temporarily unavailable");
        oai.storeDown(false);
        assertThat(call("GET", "verb", "Identify").getStatus()).isEqualTo(200);
    }

    @Test
    void anInternalFailureIsA500InOaiXml() throws Exception {
        oai.storeBroken(new IllegalStateException("a bug"));
        assertOaiEnvelope(call("GET", "verb", "ListRecords", "metadataPrefix", "oai_dc"), "Internal error");
        assertOaiEnvelope(call("GET", "verb", "Identify"), "Internal error");
    }

    @Test
    void aClassMissingAtRunTimeIsStillA500InOaiXml() throws Exception {
        oai.storeBroken(new NoClassDefFoundError("org/hamcrest/TypeSafeMatcher"));
        assertOaiEnvelope(call("POST", "verb", "ListIdentifiers", "metadataPrefix", "oai_dc"), "Internal error");
    }

    /** OAI-PMH's envelope: the namespace, a responseDate, the request's base URL, the message. */
    private static void assertOaiEnvelope(MockHttpServletResponse r, String message) throws Exception {
        if (r.getStatus() != 503) {
            assertThat(r.getStatus()).isEqualTo(500);
        }
        assertThat(r.getContentType()).startsWith("text/xml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        var root = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.getContentAsByteArray())).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("OAI-PMH");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.openarchives.org/OAI/2.0/");
        assertThat(root.getElementsByTagNameNS("*", "responseDate").item(0).getTextContent()).matches("\\d{4}-.*Z");
        assertThat(root.getElementsByTagNameNS("*", "request").item(0).getTextContent())
                .isEqualTo("https://doc.villecaraibe.com/oai");
        assertThat(root.getElementsByTagNameNS("*", "error").item(0).getTextContent()).contains(message);
    }
}
