package org.lakou.oai.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import javax.xml.stream.XMLStreamException;

import io.gdcc.xoai.dataprovider.DataProvider;
import io.gdcc.xoai.dataprovider.model.Context;
import io.gdcc.xoai.dataprovider.repository.Repository;
import io.gdcc.xoai.dataprovider.repository.RepositoryConfiguration;
import io.gdcc.xoai.model.oaipmh.DeletedRecord;
import io.gdcc.xoai.model.oaipmh.Error;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.OAIPMH;
import io.gdcc.xoai.model.oaipmh.Request;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import io.gdcc.xoai.model.oaipmh.verbs.ListIdentifiers;
import io.gdcc.xoai.model.oaipmh.verbs.ListRecords;
import io.gdcc.xoai.model.oaipmh.verbs.ListSets;
import io.gdcc.xoai.xml.XmlWriter;

/**
 * Answers one OAI-PMH request through XOAI. The XOAI objects are built per request (they are
 * cheap) around a {@link PageState}, so the signed token format and the item repository share what
 * the request learns without any thread-local. One instant, read once from the application clock,
 * is the responseDate and the end of every list, so no datestamp shown is later than the response's
 * (XOAI would take its own from the system clock). XOAI leaves out {@code expirationDate}; it is
 * added here before writing. Writing uses the request's configuration, so the custom token format is
 * the one that serialises the token. Links use the request's public address ({@link OaiAddress}).
 */
public final class OaiProvider {

    private final OaiProperties properties;
    private final OaiAddress address;
    private final OaiRecordSource source;
    private final SetCatalogue sets;
    private final TokenKeys keys;
    private final Clock clock;
    private final OaiIdentifiers identifiers;
    private final String identifierDescription;

    public OaiProvider(OaiProperties properties, OaiAddress address, OaiRecordSource source, SetCatalogue sets,
            TokenKeys keys, Clock clock) {
        this.properties = properties;
        this.address = address;
        this.source = source;
        this.sets = sets;
        this.keys = keys;
        this.clock = clock;
        this.identifiers = new OaiIdentifiers(properties.domain());
        this.identifierDescription = IdentifyDescription.oaiIdentifier(properties.domain(), identifiers.sample());
    }

    /**
     * Writes the response for these request parameters.
     *
     * @throws FeedUnavailableException when the feed's store cannot answer (the caller sends 503)
     */
    public void handle(Map<String, String[]> parameters, OutputStream out) {
        Instant now = clock.instant();
        String base = address.base();
        PageState state = new PageState(now, now.plus(properties.tokenTtl()).truncatedTo(ChronoUnit.SECONDS));
        RepositoryConfiguration configuration = configuration(state, isIdentify(parameters), address.baseUrl(base));
        DateArguments.Outcome dates = DateArguments.normalise(parameters, now);
        OAIPMH response;
        if (dates.error() != null) {
            response = new OAIPMH().withRequest(new Request(configuration.getBaseUrl())).withError(dates.error());
        } else {
            state.dates(dates.from(), dates.until());
            Repository repository = new Repository(configuration)
                    .withItemRepository(new FeedItemRepository(source, identifiers, state, base,
                            dates.matchesNothing()))
                    .withSetRepository(new FeedSetRepository(sets));
            Context context = new Context().withMetadataFormat(MetadataFormats.oaiDc())
                    .withMetadataFormat(MetadataFormats.mods());
            response = new DataProvider(context, repository).handle(dates.parameters());
            ResumptionToken token = resumptionToken(response);
            if (token != null && token.getValue() != null && !token.getValue().isEmpty()) {
                token.withExpirationDate(state.expiresAt());
            }
            echoDates(response, dates);
        }
        response.withResponseDate(now.truncatedTo(ChronoUnit.SECONDS));
        write(response, configuration, out);
    }

    /**
     * A minimal OAI-PMH envelope for a failure outside the protocol (HTTP 500 or 503): the
     * responseDate, the request's base URL, and the message in an {@code <error>}. The schema allows
     * only protocol error codes, none of which means "server failure", so the code is left out: the
     * HTTP status is the signal, and no harvester mistakes this for a protocol answer.
     */
    public void failure(String message, OutputStream out) {
        failure(null, message, out);
    }

    /**
     * The same envelope with a protocol error code, for a request refused before XOAI could read it
     * (arguments the servlet container cannot decode are a {@code badArgument}).
     */
    public void failure(String code, String message, OutputStream out) {
        try {
            javax.xml.stream.XMLStreamWriter w = javax.xml.stream.XMLOutputFactory.newFactory()
                    .createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("", "OAI-PMH", OAIPMH.NAMESPACE_URI);
            w.writeDefaultNamespace(OAIPMH.NAMESPACE_URI);
            w.writeNamespace("xsi", MetadataFormats.XSI_NS);
            w.writeAttribute("xsi", MetadataFormats.XSI_NS, "schemaLocation", OAIPMH.SCHEMA_LOCATION);
            element(w, "responseDate", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
            element(w, "request", address.baseUrl(address.base()));
            w.writeStartElement(OAIPMH.NAMESPACE_URI, "error");
            if (code != null) {
                w.writeAttribute("code", code);
            }
            w.writeCharacters(message);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException | RuntimeException e) {
            throw new IllegalStateException("Cannot write the OAI-PMH failure envelope", e);
        }
    }

    private static void element(javax.xml.stream.XMLStreamWriter w, String name, String text)
            throws XMLStreamException {
        w.writeStartElement(OAIPMH.NAMESPACE_URI, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** XOAI never saw valid dates; the request element still names them, unless the request was refused. */
    private static void echoDates(OAIPMH response, DateArguments.Outcome dates) {
        boolean refused = response.getErrors().stream().anyMatch(e -> e.getCode() == Error.Code.BAD_ARGUMENT
                || e.getCode() == Error.Code.BAD_VERB || e.getCode() == Error.Code.BAD_RESUMPTION_TOKEN);
        if (refused || response.getRequest() == null) {
            return;
        }
        if (dates.from() != null) {
            response.getRequest().withFrom(dates.from());
        }
        if (dates.until() != null) {
            response.getRequest().withUntil(dates.until());
        }
    }

    private RepositoryConfiguration configuration(PageState state, boolean identify, String baseUrl) {
        // the earliest datestamp costs a query; only Identify shows it. XOAI refuses one later than
        // its own (system) clock, and none may be later than the responseDate
        Instant earliest = identify ? source.earliestDatestamp().orElse(keys.since()) : Instant.EPOCH;
        Instant latest = state.now().isBefore(Instant.now()) ? state.now() : Instant.now();
        if (earliest.isAfter(latest)) {
            earliest = latest;
        }
        return new RepositoryConfiguration.RepositoryConfigurationBuilder()
                .withRepositoryName(properties.repositoryName())
                .withBaseUrl(baseUrl)
                .withAdminEmail(properties.adminEmail())
                .withEarliestDate(earliest.truncatedTo(ChronoUnit.SECONDS))
                .withDeleteMethod(DeletedRecord.PERSISTENT)
                .withGranularity(Granularity.Second)
                .withMaxListRecords(properties.pageSize())
                .withMaxListIdentifiers(properties.pageSize())
                .withMaxListSets(properties.pageSize())
                .withResumptionTokenFormat(new SignedTokenFormat(keys.key(), state, clock))
                .withDescription(identifierDescription)
                .build();
    }

    private static boolean isIdentify(Map<String, String[]> parameters) {
        String[] verb = parameters.get("verb");
        return verb != null && verb.length == 1 && "Identify".equals(verb[0]);
    }

    private static ResumptionToken resumptionToken(OAIPMH response) {
        if (response.getVerb() instanceof ListRecords v) {
            return v.getResumptionToken();
        }
        if (response.getVerb() instanceof ListIdentifiers v) {
            return v.getResumptionToken();
        }
        if (response.getVerb() instanceof ListSets v) {
            return v.getResumptionToken();
        }
        return null;
    }

    private static void write(OAIPMH response, RepositoryConfiguration configuration, OutputStream out) {
        try (XmlWriter writer = new XmlWriter(out, configuration)) {
            writer.writeStartDocument("UTF-8", "1.0");
            writer.write(response);
            writer.writeEndDocument();
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the OAI-PMH response", e);
        }
    }
}
