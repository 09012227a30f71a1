package lab.client.hash.db;

import java.util.SplittableRandom;

/**
 * The plaintext password of user {@code id} under seed {@code seed}: a pure function, so a table of a
 * million users needs no list in memory and a test can recompute any row. 8 to 16 characters of
 * letters, digits and punctuation; one user in 64 also gets a non-ASCII letter, so the UTF-8
 * encoding of every implementation is exercised. Never a comma at the start, a quote or a line
 * break, so the {@code id,password} export needs no quoting.
 */
public final class SeedPasswords {

    private static final String ASCII = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#%&*+-./:;<=>?@_";
    private static final String[] NON_ASCII = {"é", "ß", "ø", "ж", "λ", "密", "🔑"};

    private SeedPasswords() {
    }

    public static String of(long seed, long id) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
        int length = 8 + random.nextInt(9);
        StringBuilder s = new StringBuilder(length + 2);
        for (int i = 0; i < length; i++) {
            s.append(ASCII.charAt(random.nextInt(ASCII.length())));
        }
        if (random.nextInt(64) == 0) {
            s.insert(random.nextInt(length), NON_ASCII[random.nextInt(NON_ASCII.length)]);
        }
        return s.toString();
    }

    public static String login(long id) {
        return "user" + id;
    }
}
