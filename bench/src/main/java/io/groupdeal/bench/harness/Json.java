package io.groupdeal.bench.harness;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The product's answers read with Jakarta JSON (Parsson), as plain Java values where a bench compares them: objects as
 * maps, arrays as lists, numbers as BigDecimal, true/false as Boolean, null as null.
 */
public final class Json {

    private Json() {}

    /** The text as a JSON object; an exception naming the text when it is none. */
    public static JsonObject object(String text) {
        JsonValue value = read(text);
        if (!(value instanceof JsonObject object)) {
            throw new IllegalStateException("not a JSON object: " + Text.abbreviate(text));
        }
        return object;
    }

    /** The text as plain Java values. */
    public static Object value(String text) {
        return plain(read(text));
    }

    /** The text, a JSON object, as a map of plain Java values. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String text) {
        return (Map<String, Object>) plain(object(text));
    }

    /** The string at {@code key}; an exception when there is none. */
    public static String string(Map<String, Object> map, String key) {
        if (!(map.get(key) instanceof String s)) {
            throw new IllegalStateException("no string " + key + " in " + Text.abbreviate(String.valueOf(map)));
        }
        return s;
    }

    /** The whole number at {@code key}; an exception when there is none. */
    public static long number(Map<String, Object> map, String key) {
        if (!(map.get(key) instanceof java.math.BigDecimal n)) {
            throw new IllegalStateException("no number " + key + " in " + Text.abbreviate(String.valueOf(map)));
        }
        return n.longValueExact();
    }

    private static JsonValue read(String text) {
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new IllegalStateException("bad JSON: " + Text.abbreviate(text), e);
        }
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(v -> list.add(plain(v)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }
}
