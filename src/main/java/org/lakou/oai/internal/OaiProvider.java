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
 * the request learns without any thread-local. XOAI leaves out {@code expirationDate}; it is added
 * here before writing. Writing uses the request's configuration, so the custom token format is the
 * one that serialises the token.
 */
public final class OaiProvider {

    private final OaiProperties properties;
    private final OaiRecordSource source;
    private final SetCatalogue sets;
    private final TokenKeys keys;
    private final Clock clock;
    private final OaiIdentifiers identifiers;
    private final String identifierDescription;

    public OaiProvider(OaiProperties properties, OaiRecordSource source, SetCatalogue sets, TokenKeys keys,
            Clock clock) {
        this.properties = properties;
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
        PageState state = new PageState(now.plus(properties.tokenTtl()).truncatedTo(ChronoUnit.SECONDS));
        RepositoryConfiguration configuration = configuration(state, isIdentify(parameters));
        DateArguments.Outcome dates = DateArguments.normalise(parameters, now);
        OAIPMH response;
        if (dates.error() != null) {
            response = new OAIPMH().withRequest(new Request(properties.baseUrl()))
                    .withResponseDate(now.truncatedTo(ChronoUnit.SECONDS)).withError(dates.error());
        } else {
            Repository repository = new Repository(configuration)
                    .withItemRepository(new FeedItemRepository(source, identifiers, state, clock,
                            dates.matchesNothing()))
                    .withSetRepository(new FeedSetRepository(sets));
            Context context = new Context().withMetadataFormat(MetadataFormats.oaiDc())
                    .withMetadataFormat(MetadataFormats.mods());
            response = new DataProvider(context, repository).handle(dates.parameters());
            ResumptionToken token = resumptionToken(response);
            if (token != null && token.getValue() != null && !token.getValue().isEmpty()) {
                token.withExpirationDate(state.expiresAt());
            }
        }
        write(response, configuration, out);
    }

    private RepositoryConfiguration configuration(PageState state, boolean identify) {
        // the earliest datestamp costs a query; only Identify shows it
        Instant earliest = identify ? source.earliestDatestamp().orElse(keys.since()) : Instant.EPOCH;
        return new RepositoryConfiguration.RepositoryConfigurationBuilder()
                .withRepositoryName(properties.repositoryName())
                .withBaseUrl(properties.baseUrl())
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
