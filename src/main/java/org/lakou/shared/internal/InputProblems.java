package org.lakou.shared.internal;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.lakou.shared.ApiException;
import org.lakou.shared.EnumCodes;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns "cannot read this input" into a ProblemDetail a person can act on: which field, what was
 * received, what is allowed. Jackson's and Spring's own messages name Java classes and methods, so
 * none of them is ever passed through.
 */
final class InputProblems {

    /** A qualified Java class name ({@code org.lakou.requests.RequestStatus}) or Java's enum wording. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]*|No enum constant|\\bjava\\.");

    private InputProblems() {
    }

    static boolean namesJava(String message) {
        return message == null || JAVA_NAME.matcher(message).find();
    }

    static ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException f) {
            return invalidValue(path(f), f.getValue(), f.getTargetType());
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return problem("Unknown field '" + path(u) + "'", path(u), null)
                    .with("allowed", u.getKnownPropertyIds() == null ? List.of()
                            : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()).pd;
        }
        if (cause instanceof ValueInstantiationException v) {
            return refusedByConstructor(v);
        }
        if (cause instanceof MismatchedInputException m) {
            String field = path(m);
            String expected = describe(m.getTargetType());
            return problem(field.isEmpty() ? "The body must be " + expected
                    : "Field '" + field + "' must be " + expected, field, null).pd;
        }
        if (cause instanceof StreamReadException s && s.getLocation() != null) {
            return problem("The body is not valid JSON (line " + s.getLocation().getLineNr() + ", column "
                    + s.getLocation().getColumnNr() + ")", null, null).pd;
        }
        String msg = e.getMessage();
        if (msg != null && msg.startsWith("Required request body is missing")) {
            return problem("A JSON body is required", null, null).pd;
        }
        return problem("The body could not be read as JSON", null, null).pd;
    }

    static ProblemDetail typeMismatch(TypeMismatchException e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return invalidValue(name, e.getValue(), e.getRequiredType());
    }

    static ProblemDetail unknownValue(EnumCodes.UnknownValue e) {
        return problem(e.getMessage(), null, e.value()).with("allowed", e.allowed()).pd;
    }

    private static ProblemDetail invalidValue(String field, Object value, Class<?> type) {
        String where = field == null || field.isEmpty() ? "" : " for '" + field + "'";
        if (type != null && type.isEnum()) {
            List<String> allowed = EnumCodes.isLakouEnum(type) ? EnumCodes.codes(type)
                    : Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
            return problem("'" + value + "' is not an allowed value" + where + "; use one of: "
                    + String.join(", ", allowed), field, value).with("allowed", allowed).pd;
        }
        return problem("'" + value + "' is not a valid value" + where + ": expected " + describe(type), field, value).pd;
    }

    private static ProblemDetail refusedByConstructor(ValueInstantiationException v) {
        Throwable reason = v.getCause();
        String field = path(v);
        if (reason instanceof EnumCodes.UnknownValue u) {
            return problem(u.getMessage(), field, u.value()).with("allowed", u.allowed()).pd;
        }
        String msg = reason == null ? null : reason.getMessage();
        if ((reason instanceof ApiException || reason instanceof IllegalArgumentException) && !namesJava(msg)) {
            return problem(msg, field, null).pd;
        }
        return problem(field.isEmpty() ? "The body has an invalid value" : "Field '" + field + "' has an invalid value",
                field, null).pd;
    }

    /** {@code copies[2].status}, from Jackson's reference chain. */
    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date in ISO 8601 form";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of: " + String.join(", ", EnumCodes.codes(type));
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "a different kind of value";
    }

    private static Builder problem(String detail, String field, Object value) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        pd.setTitle("Invalid input");
        if (field != null && !field.isEmpty()) {
            pd.setProperty("field", field);
        }
        if (value != null) {
            pd.setProperty("value", String.valueOf(value));
        }
        return new Builder(pd);
    }

    private record Builder(ProblemDetail pd) {
        Builder with(String name, Object value) {
            pd.setProperty(name, value);
            return this;
        }
    }
}
