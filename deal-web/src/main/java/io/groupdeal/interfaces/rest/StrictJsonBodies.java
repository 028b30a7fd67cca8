package io.groupdeal.interfaces.rest;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.domain.shared.MultiLine;
import io.groupdeal.domain.shared.PlainText;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads every request body of the API (a record of {@code interfaces.rest}) strictly, in one place for every DTO.
 * JSON-B as Payara ships it (Yasson) coerces: {@code "title": -1} becomes the title "-1", {@code "title": true} "true",
 * {@code "quantity": "1"} the number 1. Here a text member takes only a JSON string, a number member only a JSON number
 * that fits, a yes/no member only {@code true} or {@code false}, a list only an array, a nested record only an object;
 * anything else is a 400 {@code malformed-request} naming each such member. Text must also be plain (the rule of
 * {@link PlainText}): one line, or several where the member is {@link MultiLine}; a control character is a 400
 * {@code validation} naming the member. Members the record does not have are ignored, as JSON-B does.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class StrictJsonBodies implements MessageBodyReader<Record> {

    private static final String PACKAGE = "io.groupdeal.interfaces.rest.";

    /** Looked up once: {@code Json.createReader} looks the provider up through the ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static volatile Jsonb jsonb;

    /** A record's members and canonical constructor, looked up once per type: reflection copies them on every call. */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            List<Member> members = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                members.add(new Member(
                        component.getName(),
                        component.getType(),
                        component.getGenericType(),
                        component.isAnnotationPresent(MultiLine.class)));
            }
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(
                        members.stream().map(Member::type).toArray(Class<?>[]::new));
                return new Shape(canonical, List.copyOf(members));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("Cannot make " + type.getName(), e);
            }
        }
    };

    private record Shape(Constructor<?> canonical, List<Member> members) {}

    private record Member(String name, Class<?> type, Type genericType, boolean multiLine) {}

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getName().startsWith(PACKAGE);
    }

    @Override
    public Record readFrom(
            Class<Record> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream)
            throws IOException {
        byte[] bytes = entityStream.readAllBytes();
        if (isBlank(bytes)) {
            return null; // no body: the resource says which one it needs
        }
        JsonValue json;
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
            json = reader.readValue();
        } catch (RuntimeException e) {
            // JsonException for broken JSON; Parsson refuses nesting deeper than 1000 levels with a bare
            // RuntimeException
            throw malformed(List.of());
        }
        if (json.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Reading reading = new Reading();
        Object body = reading.value(type, type, json, "body", false);
        if (!reading.wrongTypes.isEmpty()) {
            throw malformed(List.copyOf(reading.wrongTypes));
        }
        if (!reading.invalidText.isEmpty()) {
            throw new InvalidInput(List.copyOf(reading.invalidText));
        }
        return (Record) body;
    }

    private static InvalidInput malformed(List<FieldError> errors) {
        return new InvalidInput("malformed-request", Reason.of("malformed-request"), errors);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** One body being read: the members of the wrong type, and the text members that are not plain. */
    private static final class Reading {

        private final Set<FieldError> wrongTypes = new LinkedHashSet<>();
        private final Set<FieldError> invalidText = new LinkedHashSet<>();

        Object value(Class<?> raw, Type type, JsonValue json, String field, boolean multiLine) {
            if (json.getValueType() == JsonValue.ValueType.NULL) {
                if (raw.isPrimitive()) {
                    wrongTypes.add(FieldError.of(field, "required"));
                }
                return null;
            }
            if (raw == String.class) {
                return text(json, field, multiLine);
            }
            if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
                return whole(raw, json, field);
            }
            if (raw == Double.class || raw == double.class || raw == BigDecimal.class) {
                return decimal(raw, json, field);
            }
            if (raw == Boolean.class || raw == boolean.class) {
                if (json.getValueType() == JsonValue.ValueType.TRUE
                        || json.getValueType() == JsonValue.ValueType.FALSE) {
                    return json.getValueType() == JsonValue.ValueType.TRUE;
                }
                return wrong(field, "boolean");
            }
            if (raw == Instant.class || raw == LocalDate.class) {
                return time(raw, json, field);
            }
            if (raw.isEnum()) {
                return constant(raw, json, field);
            }
            if (raw == List.class || raw == Set.class || raw == java.util.Collection.class) {
                return list(raw, type, json, field);
            }
            if (raw.isRecord()) {
                return record(raw, json, field);
            }
            return bound(type, json, field);
        }

        private Object text(JsonValue json, String field, boolean multiLine) {
            if (!(json instanceof JsonString string)) {
                return wrong(field, "json-string");
            }
            String text = string.getString();
            if (!(multiLine ? PlainText.isMultiLine(text) : PlainText.isSingleLine(text))) {
                invalidText.add(FieldError.of(field, PlainText.rule(multiLine)));
            }
            return text;
        }

        private Object whole(Class<?> raw, JsonValue json, String field) {
            if (!(json instanceof JsonNumber number) || !number.isIntegral()) {
                return wrong(field, "whole-number");
            }
            try {
                if (raw == Integer.class || raw == int.class) {
                    return Integer.valueOf(number.bigIntegerValueExact().intValueExact());
                }
                return Long.valueOf(number.bigIntegerValueExact().longValueExact());
            } catch (ArithmeticException e) {
                return wrong(field, "out-of-range");
            }
        }

        private Object decimal(Class<?> raw, JsonValue json, String field) {
            if (!(json instanceof JsonNumber number)) {
                return wrong(field, "number");
            }
            BigDecimal value = number.bigDecimalValue();
            if (value.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
                return wrong(field, "out-of-range");
            }
            if (raw == BigDecimal.class) {
                return value;
            }
            return Double.valueOf(value.doubleValue());
        }

        private Object time(Class<?> raw, JsonValue json, String field) {
            String example = raw == Instant.class ? "2026-11-23T10:00:00Z" : "2026-11-23";
            if (!(json instanceof JsonString string)) {
                return wrong(field, "json-string-such-as", example);
            }
            try {
                return raw == Instant.class ? Instant.parse(string.getString()) : LocalDate.parse(string.getString());
            } catch (DateTimeParseException e) {
                return wrong(field, "such-as", example);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object constant(Class<?> raw, JsonValue json, String field) {
            if (json instanceof JsonString string) {
                try {
                    return Enum.valueOf((Class) raw, string.getString());
                } catch (IllegalArgumentException e) {
                    // named below
                }
            }
            return wrong(field, "one-of", List.of(raw.getEnumConstants()).toString());
        }

        private Object list(Class<?> raw, Type type, JsonValue json, String field) {
            if (!(json instanceof JsonArray array)) {
                return wrong(field, "json-array");
            }
            Type element = type instanceof ParameterizedType parameterized
                    ? parameterized.getActualTypeArguments()[0]
                    : Object.class;
            Class<?> elementClass = element instanceof Class<?> c
                    ? c
                    : element instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
            List<Object> items = new ArrayList<>(array.size());
            for (JsonValue item : array) {
                items.add(value(elementClass, element, item, field, false));
            }
            return raw == Set.class ? new LinkedHashSet<>(items) : items;
        }

        private Object record(Class<?> raw, JsonValue json, String field) {
            if (!(json instanceof JsonObject object)) {
                return wrong(field, "json-object");
            }
            Shape shape = SHAPES.get(raw);
            Object[] values = new Object[shape.members().size()];
            for (int i = 0; i < values.length; i++) {
                Member member = shape.members().get(i);
                String name = field.equals("body") ? member.name() : field + "." + member.name();
                values[i] = value(
                        member.type(),
                        member.genericType(),
                        object.getOrDefault(member.name(), JsonValue.NULL),
                        name,
                        member.multiLine());
            }
            if (!wrongTypes.isEmpty() || !invalidText.isEmpty()) {
                return null;
            }
            try {
                return shape.canonical().newInstance(values);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure; // a rule of the record itself, answered by its own mapper
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot make " + raw.getName(), e);
            }
        }

        /** A member of a type not named above: JSON-B binds it, and a failure is a malformed member. */
        private Object bound(Type type, JsonValue json, String field) {
            try {
                return jsonb().fromJson(json.toString(), type);
            } catch (JsonbException e) {
                return wrong(field, "has the wrong type");
            }
        }

        private Object wrong(String field, String rule, Object... args) {
            wrongTypes.add(FieldError.of(field, rule, args));
            return null;
        }
    }

    private static Jsonb jsonb() {
        if (jsonb == null) {
            synchronized (StrictJsonBodies.class) {
                if (jsonb == null) {
                    jsonb = JsonbBuilder.create();
                }
            }
        }
        return jsonb;
    }
}
