package lab.client.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * Binds a command's flags without picocli, when they are plain: every argument a {@code --name
 * value}, {@code --name=value} or boolean {@code --flag} of the command's own {@link Option}s, each
 * at most once, every value one that picocli would read the same way. The annotations stay the one
 * description of the flags (names, defaults, converters, {@code required}); anything else (help, a
 * version, an unknown or repeated flag, a missing value, a value picocli might read otherwise, an
 * option of a kind this does not know) makes {@link #bind} answer false, and picocli parses the whole
 * command line as usual, with its own messages.
 *
 * <p>Why not picocli every time: its classes are compiled for Java 5, which the JVM's class-data
 * cache cannot hold, so a fresh JVM loads and verifies about 190 of them from the jar and builds the
 * command's model by reflection: 0.15 s of CPU measured on this machine, about a third of what the
 * seed's asyncio answer spends on a whole run of 500 requests (README, "Cold start").
 */
public final class QuickArgs {

    /** picocli's own marker for "no default value" ({@link Option#defaultValue()}'s default). */
    private static final String NO_DEFAULT = "__no_default_value__";
    /** picocli's defaults for an option's preprocessor and consumer (package-private classes: named, not referenced). */
    private static final String NO_PREPROCESSOR = "picocli.CommandLine$NoOpParameterPreprocessor";
    private static final String NO_CONSUMER = "picocli.CommandLine$NullParameterConsumer";
    /** Whole numbers as {@code Integer.valueOf} reads them the same way on any path: digits only, no sign, no overflow. */
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");

    private QuickArgs() {
    }

    /**
     * Sets {@code command}'s option fields from {@code args} (the flags after the subcommand's name)
     * and their defaults; false when picocli must parse them, in which case the command's fields may
     * be half set and the command is to be thrown away.
     */
    public static boolean bind(Object command, String... args) {
        Map<String, Field> byName = new HashMap<>();
        List<Field> options = new ArrayList<>();
        for (Field f : command.getClass().getDeclaredFields()) {
            Option o = f.getAnnotation(Option.class);
            if (o != null) {
                if (!plain(o)) {
                    return false;
                }
                options.add(f);
                for (String name : o.names()) {
                    byName.put(name, f);
                }
            }
        }
        Map<Field, String> given = given(byName, args);
        if (given == null) {
            return false;
        }
        for (Field f : options) {
            Option o = f.getAnnotation(Option.class);
            String text = given.containsKey(f) ? given.get(f) : NO_DEFAULT.equals(o.defaultValue()) ? null : o.defaultValue();
            if (text == null && o.required()) {
                return false;
            }
            if (text != null && !set(command, f, o, text)) {
                return false;
            }
        }
        return true;
    }

    /** The text given for each field, or null when an argument is not one this reads as picocli would. */
    private static Map<Field, String> given(Map<String, Field> byName, String[] args) {
        Map<Field, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            Field f = byName.get(eq > 0 ? arg.substring(0, eq) : arg);
            if (f == null || given.containsKey(f)) {
                return null; // a positional, an unknown or repeated flag, --help, --version: picocli's to say
            }
            if (isFlag(f)) {
                if (eq > 0) {
                    return null;
                }
                given.put(f, "true");
            } else if (eq > 0) {
                given.put(f, arg.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                given.put(f, args[++i]);
            } else {
                return null; // a missing value, or one that looks like a flag: picocli decides which it is
            }
        }
        return given;
    }

    /**
     * An option with nothing this does not read: no arity, split, negation, interpolated default,
     * prompt, declared types, preprocessor or consumer of its own, at most one converter.
     */
    private static boolean plain(Option o) {
        return o.arity().isEmpty() && o.split().isEmpty() && !o.negatable() && !o.defaultValue().contains("${")
                && !o.interactive() && o.type().length == 0 && o.converter().length <= 1
                && o.preprocessor().getName().equals(NO_PREPROCESSOR) && o.parameterConsumer().getName().equals(NO_CONSUMER);
    }

    private static boolean isFlag(Field f) {
        return f.getType() == boolean.class;
    }

    private static boolean set(Object command, Field f, Option o, String text) {
        Object value = value(f.getType(), o, text);
        if (value == null) {
            return false;
        }
        try {
            f.setAccessible(true);
            f.set(command, value);
            return true;
        } catch (IllegalAccessException | RuntimeException e) {
            return false;
        }
    }

    /** The field's value as picocli would convert it, or null to leave the conversion (and its message) to picocli. */
    private static Object value(Class<?> type, Option o, String text) {
        if (o.converter().length == 1) {
            try {
                return ((ITypeConverter<?>) o.converter()[0].getDeclaredConstructor().newInstance()).convert(text);
            } catch (Exception e) {
                return null; // a value the converter refuses: picocli words the refusal
            }
        }
        if (type == String.class) {
            return text;
        }
        if (type == boolean.class) {
            return Boolean.valueOf(text);
        }
        if ((type == int.class || type == Integer.class) && WHOLE.matcher(text).matches()) {
            return Integer.valueOf(text);
        }
        return null;
    }
}
