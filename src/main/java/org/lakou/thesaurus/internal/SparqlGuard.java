package org.lakou.thesaurus.internal;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecutionBuilder;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.lakou.shared.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Keeps the public SPARQL endpoint from reaching anything but the thesaurus in memory: a query that
 * names a dataset ({@code FROM}, {@code FROM NAMED}) or a remote endpoint ({@code SERVICE}, even
 * inside {@code OPTIONAL}, a sub-query or {@code EXISTS}) is refused before it runs, because any of
 * them would let an anonymous caller make this server send requests (SSRF) or read local files.
 */
final class SparqlGuard {

    private SparqlGuard() {
    }

    static void refuseRemoteAccess(Query query) {
        if (query.hasDatasetDescription()) {
            throw refused("dataset", "FROM and FROM NAMED are refused: this endpoint queries the thesaurus only");
        }
        if (callsService(query)) {
            throw refused("service", "Federated queries (SERVICE) are refused: this endpoint queries the thesaurus only");
        }
    }

    /**
     * Execution settings that forbid SERVICE even if a query slipped past the check: HTTP services
     * disallowed, and an empty executor registry so no SERVICE handler exists at all.
     */
    static QueryExecutionBuilder lockedDown(QueryExecutionBuilder execution) {
        return execution.set(ARQ.httpServiceAllowed, false)
                .set(ARQConstants.registryServiceExecutors, new ServiceExecutorRegistry());
    }

    private static boolean callsService(Query query) {
        boolean[] found = {false};
        // the expression visitor makes the walker descend into EXISTS / NOT EXISTS patterns
        Walker.walk(Algebra.compile(query), new OpVisitorBase() {
            @Override
            public void visit(OpService op) {
                found[0] = true;
            }
        }, new ExprVisitorBase());
        return found[0];
    }

    private static ApiException refused(String reason, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Remote access refused", detail).with("reason", reason);
    }
}
