package lab.client.hash.strategy;

import java.security.SecureRandom;
import lab.client.hash.algorithm.PasswordHasher;

/**
 * Fresh 16-byte salts. Each worker owns one DRBG {@link SecureRandom} (NIST SP 800-90A, seeded
 * from the operating system): the default NativePRNG reads {@code /dev/urandom} through one lock
 * shared by every instance, which cheap hashes (one iteration) would queue on.
 */
final class Salts {

    private final SecureRandom random = drbg();

    byte[] next() {
        byte[] salt = new byte[PasswordHasher.SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
