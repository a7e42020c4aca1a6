package org.lakou.thesaurus.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.resultset.ResultSetMem;
import org.apache.jena.update.UpdateFactory;
import org.lakou.shared.ApiException;
import org.lakou.thesaurus.RdfSyntax;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Read-only SPARQL over the current snapshot. Every query gets the configured timeout and a LIMIT
 * no larger than the cap; results are materialised before writing, so a timeout becomes a clean
 * error instead of a truncated body. Nothing outside the snapshot is reachable: see {@link SparqlGuard}.
 */
@Component
public class SparqlService {

    public static final String JSON = "application/sparql-results+json";
    public static final String XML = "application/sparql-results+xml";
    public static final String CSV = "text/csv";

    private final ThesaurusState state;
    private final long timeoutMillis;
    private final int maxResults;

    SparqlService(ThesaurusState state, ThesaurusProperties props) {
        this.state = state;
        this.timeoutMillis = props.sparqlTimeout().toMillis();
        this.maxResults = props.sparqlMaxResults();
    }

    public record Result(String contentType, byte[] body) {
    }

    /** @param accepted media types the client accepts, best first */
    public Result run(String queryString, List<String> accepted) {
        if (queryString == null || queryString.isBlank()) {
            throw ApiException.badRequest("Missing query");
        }
        Query query = parse(queryString);
        SparqlGuard.refuseRemoteAccess(query);
        return execute(query, accepted);
    }

    /** Runs a query already checked; SERVICE stays impossible here too (see {@link SparqlGuard#lockedDown()}). */
    Result execute(Query query, List<String> accepted) {
        if (query.isSelectType() || query.isConstructType() || query.isDescribeType()) {
            if (!query.hasLimit() || query.getLimit() > maxResults) {
                query.setLimit(maxResults);
            }
        }
        Model model = ModelFactory.createModelForGraph(state.graph().union);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (QueryExecution qe = SparqlGuard.lockedDown(QueryExecution.model(model).query(query))
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS).build()) {
            if (query.isSelectType()) {
                ResultSetRewindable rs = new ResultSetMem(qe.execSelect());
                String type = pick(accepted, List.of(JSON, XML, CSV));
                switch (type) {
                    case XML -> ResultSetFormatter.outputAsXML(out, rs);
                    case CSV -> ResultSetFormatter.outputAsCSV(out, rs);
                    default -> ResultSetFormatter.outputAsJSON(out, rs);
                }
                return new Result(type, out.toByteArray());
            }
            if (query.isAskType()) {
                boolean yes = qe.execAsk();
                String type = pick(accepted, List.of(JSON, XML));
                if (XML.equals(type)) {
                    ResultSetFormatter.outputAsXML(out, yes);
                } else {
                    ResultSetFormatter.outputAsJSON(out, yes);
                }
                return new Result(type, out.toByteArray());
            }
            Model result = query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
            RdfSyntax syntax = accepted.stream().map(RdfSyntax::find).flatMap(java.util.Optional::stream).findFirst()
                    .orElse(RdfSyntax.TURTLE);
            RdfOutput.write(result, syntax, out);
            return new Result(syntax.mediaType(), out.toByteArray());
        } catch (QueryCancelledException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Query timeout",
                    "The query ran longer than " + timeoutMillis + " ms and was cancelled; narrow it down")
                    .with("timeoutMillis", timeoutMillis);
        } catch (QueryException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Query failed", String.valueOf(e.getMessage()));
        }
    }

    private static Query parse(String q) {
        try {
            return QueryFactory.create(q, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            if (isUpdate(q)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "Update refused",
                        "This SPARQL endpoint is read-only: SPARQL Update is refused").with("reason", "update");
            }
            ApiException bad = new ApiException(HttpStatus.BAD_REQUEST, "Bad query", e.getMessage());
            return throwWithPosition(bad, e);
        } catch (RuntimeException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Bad query", String.valueOf(e.getMessage()));
        }
    }

    private static Query throwWithPosition(ApiException bad, QueryParseException e) {
        if (e.getLine() > 0) {
            bad.with("line", e.getLine()).with("column", e.getColumn());
        }
        throw bad;
    }

    private static boolean isUpdate(String q) {
        try {
            UpdateFactory.create(q);
            return true;
        } catch (RuntimeException notAnUpdate) {
            return false;
        }
    }

    private static String pick(List<String> accepted, List<String> offered) {
        return accepted.stream().filter(offered::contains).findFirst().orElse(offered.get(0));
    }
}
