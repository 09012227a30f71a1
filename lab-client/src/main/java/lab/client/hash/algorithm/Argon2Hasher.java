package lab.client.hash.algorithm;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (version 0x13) through BouncyCastle, as {@code $argon2id$v=19$m=M,t=T,p=P$salt$hash}, the
 * string the reference {@code argon2} command prints. No secret and no associated data.
 */
final class Argon2Hasher implements PasswordHasher {

    static final String ID = "argon2id";
    static final int VERSION = 19;

    private final Cost cost;

    Argon2Hasher(Cost cost) {
        this.cost = cost;
    }

    @Override
    public String hash(String password, byte[] salt) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] key = new byte[HASH_BYTES];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), key);
        return new Phc(ID, VERSION, Map.of("m", cost.memoryKib(), "t", cost.iterations(), "p", cost.parallelism()), salt, key).format();
    }

    @Override
    public Cost cost() {
        return cost;
    }
}
