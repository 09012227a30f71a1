package lab.client.hash.algorithm;

import java.util.Map;

/** PBKDF2-HMAC-SHA256 as {@code $pbkdf2-sha256$i=N$salt$hash}, the form passlib and others read. */
final class Pbkdf2Hasher implements PasswordHasher {

    static final String ID = "pbkdf2-sha256";

    private final Cost cost;
    private final Pbkdf2Engine engine;

    Pbkdf2Hasher(Cost cost, Pbkdf2Engine engine) {
        this.cost = cost;
        this.engine = engine;
    }

    @Override
    public String hash(String password, byte[] salt) {
        byte[] key = engine.derive(password, salt, cost.iterations(), HASH_BYTES);
        return new Phc(ID, null, Map.of("i", cost.iterations()), salt, key).format();
    }

    @Override
    public Cost cost() {
        return cost;
    }
}
