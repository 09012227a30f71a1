package lab.client.hash.algorithm;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A hash in the PHC string format, {@code $id[$v=version]$k=v,k=v$salt$hash}, with salt and hash in
 * standard Base64 without padding, as the reference implementations write them:
 * {@code $pbkdf2-sha256$i=600000$<22 chars>$<43 chars>} and
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<22 chars>$<43 chars>} for a 16-byte salt and a 32-byte hash.
 * The version is kept apart from the parameters because the format puts it in a segment of its own.
 */
public record Phc(String id, Integer version, Map<String, Integer> params, byte[] salt, byte[] hash) {

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    // The basic decoder accepts unpadded input; it rejects the URL-safe alphabet, as the format asks.
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    public Phc {
        params = Map.copyOf(new LinkedHashMap<>(params));
    }

    public String format() {
        StringBuilder s = new StringBuilder("$").append(id);
        if (version != null) {
            s.append("$v=").append(version);
        }
        return s.append('$').append(paramsText())
                .append('$').append(ENCODER.encodeToString(salt))
                .append('$').append(ENCODER.encodeToString(hash)).toString();
    }

    /** Parses a PHC string; anything malformed is an {@link IllegalArgumentException} saying what. */
    public static Phc parse(String text) {
        String[] parts = text.split("\\$", -1);
        boolean versioned = parts.length == 6;
        if (!text.startsWith("$") || (parts.length != 5 && !versioned)) {
            throw new IllegalArgumentException("not a PHC string ($id[$v=N]$params$salt$hash): " + text);
        }
        Integer version = versioned ? intAfter(parts[2], "v=") : null;
        Map<String, Integer> params = new LinkedHashMap<>();
        for (String pair : parts[versioned ? 3 : 2].split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("bad PHC parameter '" + pair + "' in " + text);
            }
            params.put(pair.substring(0, eq), intAfter(pair, pair.substring(0, eq + 1)));
        }
        return new Phc(parts[1], version, params, decode(parts[parts.length - 2]), decode(parts[parts.length - 1]));
    }

    public int param(String name) {
        Integer value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("PHC string of " + id + " lacks parameter " + name);
        }
        return value;
    }

    private String paramsText() {
        // The order the reference implementations write: m,t,p for Argon2, i for PBKDF2.
        return params.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Phc::byReferenceOrder))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static int byReferenceOrder(String a, String b) {
        return Integer.compare("mtpi".indexOf(a), "mtpi".indexOf(b));
    }

    private static int intAfter(String text, String prefix) {
        if (!text.startsWith(prefix)) {
            throw new IllegalArgumentException("expected " + prefix + "N, found '" + text + "'");
        }
        try {
            return Integer.parseInt(text.substring(prefix.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number in '" + text + "'");
        }
    }

    private static byte[] decode(String base64) {
        if (base64.endsWith("=")) {
            throw new IllegalArgumentException("PHC Base64 is unpadded, found '" + base64 + "'");
        }
        return DECODER.decode(base64);
    }
}
