package lab.client.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import lab.client.hash.algorithm.Pbkdf2Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every PBKDF2 engine is the standard, byte for byte: RFC 7914's two PBKDF2-HMAC-SHA256 vectors at
 * their full 64 bytes (two output blocks), and random inputs against both reference engines (the
 * JDK's and BouncyCastle's), including passwords longer than the 64-byte HMAC block (which HMAC
 * hashes first) and output lengths that are not a multiple of 32.
 */
class Pbkdf2EnginesTest {

    @ParameterizedTest
    @EnumSource(Pbkdf2Engine.class)
    void matchesBothRfc7914VectorsInFull(Pbkdf2Engine engine) {
        // RFC 7914, section 11.
        assertThat(hex(engine.derive("passwd", ascii("salt"), 1, 64))).isEqualTo(
                "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                        + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
        assertThat(hex(engine.derive("Password", ascii("NaCl"), 80_000, 64))).isEqualTo(
                "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                        + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
    }

    @ParameterizedTest
    @EnumSource(Pbkdf2Engine.class)
    void agreesWithTheJdkAndBouncyCastleOnRandomInputs(Pbkdf2Engine engine) {
        SplittableRandom random = new SplittableRandom(14);
        for (int n = 0; n < 300; n++) {
            String password = randomPassword(random, random.nextInt(0, 150));
            byte[] salt = new byte[random.nextInt(1, 40)]; // the JDK refuses an empty salt
            random.nextBytes(salt);
            int iterations = random.nextInt(1, 200);
            int bytes = random.nextInt(1, 100);
            byte[] key = engine.derive(password, salt, iterations, bytes);
            String what = "password of " + password.length() + " chars, salt " + salt.length + " bytes, i=" + iterations + ", " + bytes + " bytes";
            assertThat(key).as("%s vs jdk, %s", engine, what).isEqualTo(Pbkdf2Engine.jdk.derive(password, salt, iterations, bytes));
            assertThat(key).as("%s vs bc, %s", engine, what).isEqualTo(Pbkdf2Engine.bc.derive(password, salt, iterations, bytes));
        }
    }

    /** Letters, then now and then a character of two, three or four UTF-8 bytes. */
    private static String randomPassword(SplittableRandom random, int length) {
        StringBuilder s = new StringBuilder();
        String exotic = "éß密🔑λ";
        while (s.length() < length) {
            if (random.nextInt(8) == 0) {
                s.appendCodePoint(exotic.codePointAt(exotic.offsetByCodePoints(0, random.nextInt(exotic.codePointCount(0, exotic.length())))));
            } else {
                s.append((char) ('a' + random.nextInt(26)));
            }
        }
        return s.toString();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
