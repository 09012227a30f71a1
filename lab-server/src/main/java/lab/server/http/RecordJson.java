package lab.server.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Records to and from JSON as {@link Json#MAPPER} writes and reads them (snake_case names in
 * component order, nulls written unless a component says {@code @JsonInclude(NON_NULL)}, reading
 * strict: a missing, unknown or null field is an error naming it, in the mapper's words), with
 * Jackson's streaming parser and generator alone.
 *
 * <p>Why not the mapper: a short-lived client pays for it on every start. In a fresh JVM, building
 * the ObjectMapper and the serializers of its first records was about 60 % of the main thread's CPU
 * in a one-request {@code requests} run (JFR, 1 ms samples), even with the classes in the AOT cache;
 * the client's cold start is measured against the seed's asyncio answer. The mapper stays the
 * server's writer and every long-lived reader; RecordJsonTest holds the two to the same bytes and
 * the same refusals. Types it does not know (anything but records, strings, numbers, booleans,
 * enums, lists and string-keyed maps) and Jackson annotations other than those two are refused,
 * never guessed.
 */
public final class RecordJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Set<Class<? extends Annotation>> KNOWN = Set.of(JsonInclude.class, JsonIgnoreProperties.class);

    private final Map<Class<?>, Set<String>> leftOut;

    private RecordJson(Map<Class<?>, Set<String>> leftOut) {
        this.leftOut = leftOut;
    }

    /** Every component of every record written. */
    public static RecordJson writer() {
        return new RecordJson(Map.of());
    }

    /** The same, leaving out these components of {@code type} (as a mix-in's {@code @JsonIgnoreProperties} does). */
    public RecordJson leaving(Class<? extends Record> type, String... components) {
        Map<Class<?>, Set<String>> more = new HashMap<>(leftOut);
        more.put(type, Set.of(components));
        return new RecordJson(Map.copyOf(more));
    }

    /** One compact line of JSON. */
    public String line(Record value) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    // An instanceof chain, not a pattern switch: a type switch is an invokedynamic whose bootstrap is
    // start-up work, and this class exists for the start-up.
    private void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (value instanceof Record r) {
            writeRecord(g, r);
        } else if (value instanceof Collection<?> items) {
            g.writeStartArray();
            for (Object item : items) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            throw new IllegalArgumentException("RecordJson does not write " + value.getClass().getName());
        }
    }

    private void writeRecord(JsonGenerator g, Record r) throws IOException {
        Shape shape = Shape.OF.get(r.getClass());
        Set<String> skipped = leftOut.getOrDefault(r.getClass(), Set.of());
        g.writeStartObject();
        for (int i = 0; i < shape.accessors.length; i++) {
            Object value = shape.get(i, r);
            if (skipped.contains(shape.components[i].getName()) || value == null && shape.omitNull[i]) {
                continue;
            }
            g.writeFieldName(shape.names[i]);
            write(g, value);
        }
        g.writeEndObject();
    }

    /**
     * Reads one record strictly, as the mapper would: every component present and not null, no
     * field the record does not know (unless it says {@code @JsonIgnoreProperties(ignoreUnknown = true)}).
     * A problem is an {@link IllegalArgumentException} whose message is the mapper's
     * {@link Json#problem} wording: {@code missing field latency_ms.p99}, {@code unknown field queued}.
     */
    public static <T extends Record> T read(String json, Class<T> type) {
        try (JsonParser p = FACTORY.createParser(json)) {
            T value = type.cast(readValue(p, p.nextToken(), type, ""));
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("more after the object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string has no I/O to fail
        }
    }

    private static Object readValue(JsonParser p, JsonToken token, Class<?> type, String at) throws IOException {
        if (token == null) {
            throw new IllegalArgumentException("no JSON" + (at.isEmpty() ? "" : " at " + at));
        }
        if (token == JsonToken.VALUE_NULL) {
            throw new IllegalArgumentException("null field " + at);
        }
        if (type.isRecord()) {
            return readRecord(p, token, type, at);
        }
        if (type == String.class && token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if ((type == int.class || type == Integer.class) && token == JsonToken.VALUE_NUMBER_INT) {
            return p.getIntValue();
        }
        if ((type == long.class || type == Long.class) && token == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if ((type == double.class || type == Double.class) && token.isNumeric()) {
            return p.getDoubleValue();
        }
        if ((type == boolean.class || type == Boolean.class) && token.isBoolean()) {
            return p.getBooleanValue();
        }
        throw new IllegalArgumentException("field " + at + " is not " + type.getSimpleName() + ": " + p.getText());
    }

    private static Object readRecord(JsonParser p, JsonToken token, Class<?> type, String at) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException((at.isEmpty() ? "the answer" : "field " + at) + " is not an object: " + p.getText());
        }
        Shape shape = Shape.OF.get(type);
        Object[] values = new Object[shape.components.length];
        boolean[] seen = new boolean[values.length];
        String unknown = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            Integer i = shape.index.get(name);
            if (i == null) {
                unknown = unknown == null ? name : unknown;
                p.skipChildren();
                continue;
            }
            values[i] = readValue(p, value, shape.components[i].getType(), path(at, name));
            seen[i] = true;
        }
        // The mapper checks the record's own components first: a renamed field is missing, not unknown.
        for (int i = 0; i < values.length; i++) {
            if (!seen[i]) {
                throw new IllegalArgumentException("missing field " + path(at, shape.names[i]));
            }
        }
        if (unknown != null && !shape.ignoreUnknown) {
            throw new IllegalArgumentException("unknown field " + path(at, unknown));
        }
        try {
            return shape.canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getName() + ": " + e, e);
        }
    }

    private static void refuseUnknownAnnotations(Annotation[] annotations, String where) {
        for (Annotation a : annotations) {
            String pkg = a.annotationType().getPackageName();
            if (pkg.startsWith("com.fasterxml.jackson") && !KNOWN.contains(a.annotationType())) {
                throw new IllegalArgumentException("RecordJson does not follow @" + a.annotationType().getSimpleName() + " on " + where
                        + ": write it with Json.MAPPER");
            }
        }
    }

    private static boolean nonNull(JsonInclude include) {
        return include != null && include.value() == JsonInclude.Include.NON_NULL;
    }

    private static String path(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }

    /**
     * What writing and reading a record type needs, worked out once per type: the JSON names, the
     * accessors and the canonical constructor opened for reflection, which components may be left
     * out when null. The Jackson annotations it does not follow are refused here, once.
     */
    private static final class Shape {
        static final ClassValue<Shape> OF = new ClassValue<>() {
            @Override
            protected Shape computeValue(Class<?> type) {
                return new Shape(type);
            }
        };

        final RecordComponent[] components;
        final String[] names;
        final Method[] accessors;
        final boolean[] omitNull;
        final Map<String, Integer> index = new HashMap<>();
        final boolean ignoreUnknown;
        final Constructor<?> canonical;

        private Shape(Class<?> type) {
            refuseUnknownAnnotations(type.getAnnotations(), type.getName());
            boolean nonNullAll = nonNull(type.getAnnotation(JsonInclude.class));
            JsonIgnoreProperties ignore = type.getAnnotation(JsonIgnoreProperties.class);
            ignoreUnknown = ignore != null && ignore.ignoreUnknown();
            components = type.getRecordComponents();
            names = new String[components.length];
            accessors = new Method[components.length];
            omitNull = new boolean[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                Method accessor = components[i].getAccessor();
                refuseUnknownAnnotations(accessor.getAnnotations(), type.getName() + "." + components[i].getName());
                accessor.setAccessible(true);
                accessors[i] = accessor;
                names[i] = snakeCase(components[i].getName());
                omitNull[i] = nonNullAll || nonNull(accessor.getAnnotation(JsonInclude.class));
                index.put(names[i], i);
                types[i] = components[i].getType();
            }
            try {
                canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + type.getName(), e);
            }
        }

        Object get(int i, Record r) {
            try {
                return accessors[i].invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + components[i] + ": " + e, e);
            }
        }
    }

    /**
     * Jackson's SNAKE_CASE for a Java name: an underscore before each upper-case letter that follows
     * a lower-case one (a run of capitals is one word), everything in lower case.
     */
    static String snakeCase(String name) {
        StringBuilder s = new StringBuilder(name.length() + 8);
        boolean previousUpper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i == 0 && c == '_') {
                continue;
            }
            if (Character.isUpperCase(c)) {
                if (!previousUpper && !s.isEmpty() && s.charAt(s.length() - 1) != '_') {
                    s.append('_');
                }
                s.append(Character.toLowerCase(c));
                previousUpper = true;
            } else {
                s.append(c);
                previousUpper = false;
            }
        }
        return s.isEmpty() ? name : s.toString();
    }
}
