package org.lakou.shared;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The spelling of Lakou's enums outside Java: what Jackson writes (the {@code @JsonValue} method,
 * else {@code toString()}, Jackson 3's default), used alike for JSON bodies, query parameters and
 * path variables, so {@code ?status=draft} works wherever {@code "status": "draft"} does. Parsing
 * also accepts the constant's name in any case, with {@code -} and {@code _} interchangeable, so
 * older clients sending {@code DRAFT} keep working.
 */
public final class EnumCodes {

    private record Table(List<String> codes, Map<String, Enum<?>> byKey) {
    }

    private static final Map<Class<?>, Table> TABLES = new ConcurrentHashMap<>();

    private EnumCodes() {
    }

    /** Whether {@code type} is one of Lakou's enums, the ones this spelling governs. */
    public static boolean isLakouEnum(Class<?> type) {
        return type.isEnum() && type.getName().startsWith("org.lakou.");
    }

    /** The JSON spelling of every constant, in declaration order: what an error lists as allowed. */
    public static List<String> codes(Class<?> enumType) {
        return table(enumType).codes();
    }

    /** Parses the JSON spelling (or the constant's name); anything else names the allowed values. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        Enum<?> found = text == null ? null : table(type).byKey().get(key(text));
        if (found == null) {
            throw new UnknownValue(type, text);
        }
        return type.cast(found);
    }

    /** A value that is not one of an enum's spellings; its message is written for people. */
    public static final class UnknownValue extends IllegalArgumentException {

        private final String value;
        private final List<String> allowed;

        UnknownValue(Class<?> type, String value) {
            super("'" + value + "' is not an allowed value; use one of: " + String.join(", ", codes(type)));
            this.value = value;
            this.allowed = codes(type);
        }

        public String value() {
            return value;
        }

        public List<String> allowed() {
            return allowed;
        }
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Table table(Class<?> type) {
        Class<?> enumType = type.isEnum() ? type : type.getSuperclass(); // constants with bodies
        return TABLES.computeIfAbsent(enumType, EnumCodes::build);
    }

    private static Table build(Class<?> type) {
        Method jsonValue = jsonValueMethod(type);
        Map<String, Enum<?>> byKey = new LinkedHashMap<>();
        List<String> codes = new java.util.ArrayList<>();
        for (Object o : type.getEnumConstants()) {
            Enum<?> constant = (Enum<?>) o;
            String code = code(constant, jsonValue);
            codes.add(code);
            byKey.putIfAbsent(key(code), constant);
            byKey.putIfAbsent(key(constant.name()), constant);
        }
        return new Table(List.copyOf(codes), Map.copyOf(byKey));
    }

    private static Method jsonValueMethod(Class<?> type) {
        for (Method m : type.getMethods()) {
            JsonValue a = m.getAnnotation(JsonValue.class);
            if (a != null && a.value() && m.getParameterCount() == 0) {
                return m;
            }
        }
        return null;
    }

    private static String code(Enum<?> constant, Method jsonValue) {
        if (jsonValue == null) {
            return constant.toString();
        }
        try {
            return String.valueOf(jsonValue.invoke(constant));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the JSON spelling of " + constant, e);
        }
    }
}
