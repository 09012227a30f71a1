package lab.client.hash.algorithm;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * Hashes one password with a given salt into a PHC string, and checks a password against any PHC
 * string the lab writes. Implementations are pure functions of their inputs and safe to share
 * between threads; the caller brings the salt (16 random bytes), so a test can fix it.
 */
public interface PasswordHasher {

    int SALT_BYTES = 16;
    int HASH_BYTES = 32;

    /** The PHC string of {@code password} hashed with {@code salt} at this hasher's cost. */
    String hash(String password, byte[] salt);

    Cost cost();

    /** The hasher for a cost; PBKDF2 runs on the given engine. */
    static PasswordHasher of(Cost cost, Pbkdf2Engine engine) {
        Objects.requireNonNull(cost, "cost");
        return switch (cost.algorithm()) {
            case pbkdf2 -> new Pbkdf2Hasher(cost, Objects.requireNonNull(engine, "engine"));
            case argon2 -> new Argon2Hasher(cost);
        };
    }

    /**
     * Whether {@code password} is the one hashed into {@code phc}: recomputed with the string's own
     * parameters and salt, compared in constant time. Throws {@link IllegalArgumentException} for
     * a string that is not a PHC hash of a known algorithm.
     */
    static boolean verify(String password, String phc) {
        Phc parsed = Phc.parse(phc);
        PasswordHasher hasher = switch (parsed.id()) {
            case Pbkdf2Hasher.ID -> new Pbkdf2Hasher(Cost.pbkdf2(parsed.param("i")), Pbkdf2Engine.jdk);
            case Argon2Hasher.ID -> {
                if (!Integer.valueOf(Argon2Hasher.VERSION).equals(parsed.version())) {
                    throw new IllegalArgumentException("unsupported argon2id version " + parsed.version());
                }
                yield new Argon2Hasher(Cost.argon2(parsed.param("m"), parsed.param("t"), parsed.param("p")));
            }
            default -> throw new IllegalArgumentException("unknown PHC algorithm '" + parsed.id() + "'");
        };
        byte[] again = Phc.parse(hasher.hash(password, parsed.salt())).hash();
        return MessageDigest.isEqual(again, parsed.hash());
    }
}
