package org.lakou.shared.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.lakou.shared.ApiException;
import org.lakou.shared.EnumCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error leaves as {@code application/problem+json}. Spring's base handler covers the MVC
 * exceptions; this adds Lakou's own, bean validation, stale versions and oversized uploads.
 */
@RestControllerAdvice
class ProblemDetailAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        pd.setTitle(e.title());
        pd.setType(URI.create("https://lakou.org/problems/" + slug(e.title())));
        e.properties().forEach(pd::setProperty);
        return ResponseEntity.status(e.status()).body(pd);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request");
        pd.setTitle("Validation failed");
        pd.setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                .toList());
        return ResponseEntity.badRequest().body(pd);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "Stale version",
                "The resource changed since you read it; fetch it again and retry");
    }

    /** Ours are written for people; a library's may name Java classes, which no client should see. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        if (e instanceof EnumCodes.UnknownValue u) {
            return ResponseEntity.badRequest().body(InputProblems.unknownValue(u));
        }
        if (InputProblems.namesJava(e.getMessage())) {
            log.debug("Bad request with a technical message", e);
            return problem(HttpStatus.BAD_REQUEST, "Bad request", "The request contains a value Lakou cannot use");
        }
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(InputProblems.unreadableBody(ex));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(InputProblems.typeMismatch(ex));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail pd = ex.getBody();
        pd.setTitle("Validation failed");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        pd.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The upload exceeds the maximum allowed size");
        pd.setTitle("Upload too large");
        pd.setProperty("reason", "too-large");
        pd.setProperty("maxBytes", ex.getMaxUploadSize());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(pd);
    }

    /** Thrown past the security filters (e.g. by method security): never a 500. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your account may not do this");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                "Authentication is required: HTTP Basic, a bearer token or a session");
    }

    /**
     * MongoDB unreachable: Spring translates the driver's timeouts to
     * {@link DataAccessResourceFailureException}; code that uses a collection directly sees them raw.
     * A 503 with Retry-After, so clients and load balancers retry instead of reporting a bug.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, MongoTimeoutException.class,
        MongoSocketException.class})
    ResponseEntity<ProblemDetail> databaseDown(Exception e) {
        log.warn("MongoDB unavailable: {}", e.toString());
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached; retry in a few seconds");
        pd.setTitle("Database unavailable");
        pd.setType(URI.create("https://lakou.org/problems/database-unavailable"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10").body(pd);
    }

    /**
     * The driver's other face of an unreachable server: once one operation fails, the pool is
     * paused and the next ones fail with "pool cleared", which Spring cannot categorise.
     */
    @ExceptionHandler({org.springframework.data.mongodb.UncategorizedMongoDbException.class,
        com.mongodb.MongoConnectionPoolClearedException.class})
    ResponseEntity<ProblemDetail> mongoFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.mongodb.MongoConnectionPoolClearedException || t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException) {
                return databaseDown(e);
            }
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unhandled error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "An unexpected error occurred; it has been logged");
    }

    private static String slug(@Nullable String title) {
        return title == null ? "about:blank" : title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        return ResponseEntity.status(status).body(pd);
    }
}
