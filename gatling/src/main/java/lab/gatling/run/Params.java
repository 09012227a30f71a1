package lab.gatling.run;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lab.server.behavior.Durations;

/**
 * A simulation's parameters, read from system properties ({@code -Dusers=10}) with a default each,
 * and remembered so that the raw file says what the run was given. A bad value stops the run with
 * one line naming the property and what it takes.
 */
public final class Params {

    private final Map<String, String> used = new TreeMap<>();

    public int integer(String name, int defaultValue, int min) {
        String text = raw(name, Integer.toString(defaultValue));
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min) {
                throw bad(name, text, "an integer of at least " + min);
            }
            return value;
        } catch (NumberFormatException e) {
            throw bad(name, text, "an integer of at least " + min);
        }
    }

    public double fraction(String name, double defaultValue) {
        String text = raw(name, Double.toString(defaultValue));
        try {
            double value = Double.parseDouble(text.strip());
            if (!(value >= 0 && value <= 1)) {
                throw bad(name, text, "a fraction from 0 to 1");
            }
            return value;
        } catch (NumberFormatException e) {
            throw bad(name, text, "a fraction from 0 to 1");
        }
    }

    public double positive(String name, double defaultValue) {
        String text = raw(name, Double.toString(defaultValue));
        try {
            double value = Double.parseDouble(text.strip());
            if (!(value > 0)) {
                throw bad(name, text, "a number above 0");
            }
            return value;
        } catch (NumberFormatException e) {
            throw bad(name, text, "a number above 0");
        }
    }

    /**
     * A duration as the lab writes them everywhere, read by lab-server's one parser ({@link Durations}):
     * a whole number and a unit, {@code 250ms}, {@code 2s}, {@code 1m}.
     */
    public Duration duration(String name, String defaultValue) {
        String text = raw(name, defaultValue).strip();
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad(name, text, "a duration such as 250ms, 2s or 1m");
        }
    }

    /** Request rates, comma-separated and rising: {@code 40,80,100,120}. */
    public List<Double> rates(String name, String defaultValue) {
        String text = raw(name, defaultValue);
        try {
            List<Double> rates = Arrays.stream(text.split(",")).map(String::strip).map(Double::parseDouble).toList();
            for (int i = 0; i < rates.size(); i++) {
                if (!(rates.get(i) > 0) || (i > 0 && rates.get(i) <= rates.get(i - 1))) {
                    throw bad(name, text, "rising request rates above 0, comma-separated, such as 40,80,120");
                }
            }
            return rates;
        } catch (NumberFormatException e) {
            throw bad(name, text, "rising request rates above 0, comma-separated, such as 40,80,120");
        }
    }

    public String choice(String name, String defaultValue, String... allowed) {
        String text = raw(name, defaultValue).strip();
        if (!Arrays.asList(allowed).contains(text)) {
            throw bad(name, text, "one of " + String.join(", ", allowed));
        }
        return text;
    }

    public String text(String name, String defaultValue) {
        return raw(name, defaultValue).strip();
    }

    /** Every parameter read so far with the value used, in name order. */
    public Map<String, String> used() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(used));
    }

    private String raw(String name, String defaultValue) {
        String value = System.getProperty(name);
        String chosen = value == null || value.isBlank() ? defaultValue : value;
        used.put(name, chosen);
        return chosen;
    }

    private static IllegalArgumentException bad(String name, String value, String allowed) {
        return new IllegalArgumentException("-D" + name + "=" + value + " is not allowed: give " + allowed);
    }
}
