package lab.client.hash.algorithm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Implementations of the same PBKDF2-HMAC-SHA256, byte for byte (the password is encoded as
 * UTF-8 in all). Which one is faster is not assumed: {@link Calibration} times each in the same
 * run and {@code migrate} keeps the fastest. Measured here (AMD EPYC with SHA-NI), the JDK wins by
 * about 3x at real costs: HotSpot compiles {@code sun.security.provider.SHA2.implCompress} to the
 * CPU's SHA-256 instructions, while BouncyCastle's {@code SHA256Digest} is plain Java arithmetic;
 * BouncyCastle's HMAC saves half the compressions by keeping the keyed pad states, which is not
 * enough to catch up. At one iteration the JDK's fixed cost (a provider lookup and a key object per
 * hash) dominates instead, and BouncyCastle can win: hence a measurement, not a constant. {@link #pads} takes the best of both: the JDK's
 * compression with BouncyCastle's kept pad states, two compressions an iteration instead of four;
 * {@link #direct} the same two compressions without {@code MessageDigest}'s per-call copies.
 */
public enum Pbkdf2Engine {
    jdk {
        @Override
        public byte[] derive(String password, byte[] salt, int iterations, int bytes) {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bytes * 8);
            try {
                // A factory per call: SecretKeyFactory is not documented as thread-safe.
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
            } finally {
                spec.clearPassword();
            }
        }
    },
    bc {
        @Override
        public byte[] derive(String password, byte[] salt, int iterations, int bytes) {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
            generator.init(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
            return ((KeyParameter) generator.generateDerivedParameters(bytes * 8)).getKey();
        }
    },
    /** The JDK's SHA-256 with the HMAC pad blocks absorbed once per password (see {@link PadsOncePbkdf2}). */
    pads {
        @Override
        public byte[] derive(String password, byte[] salt, int iterations, int bytes) {
            return PadsOncePbkdf2.derive(password, salt, iterations, bytes);
        }
    },
    /**
     * The pads' two states and the JDK's SHA-256 compression called directly, with no
     * {@code MessageDigest} around it (see {@link DirectPbkdf2}): needs
     * {@code --add-opens java.base/sun.security.provider=ALL-UNNAMED}, see {@link #unavailable()}.
     */
    direct {
        @Override
        public byte[] derive(String password, byte[] salt, int iterations, int bytes) {
            return DirectPbkdf2.derive(password, salt, iterations, bytes);
        }

        @Override
        public String unavailable() {
            return DirectPbkdf2.UNAVAILABLE;
        }
    };

    /** Why this engine cannot run in this JVM, or null when it can. */
    public String unavailable() {
        return null;
    }

    /** The engine a command-line name means, or an {@link IllegalArgumentException} listing the names. */
    public static Pbkdf2Engine named(String name) {
        for (Pbkdf2Engine e : values()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown PBKDF2 engine '" + name + "' (known: " + java.util.Arrays.toString(values()) + ")");
    }

    /** PBKDF2-HMAC-SHA256 of the UTF-8 bytes of {@code password}: {@code bytes} bytes of key. */
    public abstract byte[] derive(String password, byte[] salt, int iterations, int bytes);
}
