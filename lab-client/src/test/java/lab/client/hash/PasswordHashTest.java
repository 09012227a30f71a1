package lab.client.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.client.hash.algorithm.Cost;
import lab.client.hash.algorithm.PasswordHasher;
import lab.client.hash.algorithm.Pbkdf2Engine;
import lab.client.hash.algorithm.Phc;
import lab.client.hash.db.SeedPasswords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hashes are the standard ones, in the standard string form, so any other implementation can
 * check them: known answers from the specifications and the reference tools (fixed in the source),
 * and, where the tools are installed, the same computation done live by Python's hashlib (OpenSSL)
 * and by the reference {@code argon2} command.
 */
class PasswordHashTest {

    private static final byte[] SALT16 = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(Pbkdf2Engine.class)
    void pbkdf2MatchesTheRfc7914TestVector(Pbkdf2Engine engine) {
        // RFC 7914, section 11: PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1: the first 32 bytes of the 64 given.
        byte[] key = engine.derive("passwd", "salt".getBytes(StandardCharsets.US_ASCII), 1, 32);
        assertThat(Base64.getEncoder().encodeToString(key)).isEqualTo("VawEblbjCJ/sFpHCJUS2BflBhSFt3gRl5oudV8INrLw=");
    }

    @Test
    void bothPbkdf2EnginesAgreeByteForByteIncludingNonAscii() {
        for (long id = 1; id <= 200; id++) {
            String password = SeedPasswords.of(7, id) + (id % 3 == 0 ? "密é🔑" : "");
            assertThat(Pbkdf2Engine.bc.derive(password, SALT16, 50, 32)).isEqualTo(Pbkdf2Engine.jdk.derive(password, SALT16, 50, 32));
        }
    }

    @Test
    void argon2MatchesTheReferenceCommand() {
        // Printed by the reference implementation (Debian's argon2 20190702):
        //   echo -n password | argon2 somesaltsomesalt -id -t 2 -m 6 -p 1 -l 32 -e
        //   echo -n 'pässwörd密' | argon2 0123456789abcdef -id -t 1 -m 5 -p 2 -l 32 -e
        assertThat(PasswordHasher.of(Cost.argon2(64, 2, 1), Pbkdf2Engine.jdk).hash("password", "somesaltsomesalt".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("$argon2id$v=19$m=64,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Gpj7qOY5RCXJvcMzqcdQqvgR3wcPX7SleI4c9NtXk6E");
        assertThat(PasswordHasher.of(Cost.argon2(32, 1, 2), Pbkdf2Engine.jdk).hash("pässwörd密", SALT16))
                .isEqualTo("$argon2id$v=19$m=32,t=1,p=2$MDEyMzQ1Njc4OWFiY2RlZg$BB7HVFePgdaKEi08lbaScdoVmnyX73aGrFq8Omfbd3o");
    }

    @Test
    void phcStringsHaveTheContractShapeAndParseBack() {
        String pbkdf2 = PasswordHasher.of(Cost.pbkdf2(1000), Pbkdf2Engine.jdk).hash("secret", SALT16);
        assertThat(pbkdf2).matches("\\$pbkdf2-sha256\\$i=1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        Phc parsed = Phc.parse(pbkdf2);
        assertThat(parsed.id()).isEqualTo("pbkdf2-sha256");
        assertThat(parsed.param("i")).isEqualTo(1000);
        assertThat(parsed.salt()).isEqualTo(SALT16);
        assertThat(parsed.hash()).hasSize(32);
        assertThat(parsed.format()).isEqualTo(pbkdf2);

        String argon2 = PasswordHasher.of(Cost.argon2(64, 1, 1), Pbkdf2Engine.jdk).hash("secret", SALT16);
        assertThat(argon2).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(Phc.parse(argon2).format()).isEqualTo(argon2);
    }

    @Test
    void verifyAcceptsTheRightPasswordOnlyAndRejectsMalformedStrings() {
        for (Cost cost : List.of(Cost.pbkdf2(100), Cost.argon2(64, 1, 1))) {
            String phc = PasswordHasher.of(cost, Pbkdf2Engine.bc).hash("right", SALT16);
            assertThat(PasswordHasher.verify("right", phc)).isTrue();
            assertThat(PasswordHasher.verify("wrong", phc)).isFalse();
        }
        assertThatThrownBy(() -> Phc.parse("$pbkdf2-sha256$i=1$c2FsdA==$aGFzaA")).hasMessageContaining("unpadded");
        assertThatThrownBy(() -> PasswordHasher.verify("x", "$md5$i=1$c2FsdA$aGFzaA")).hasMessageContaining("unknown PHC algorithm");
        assertThatThrownBy(() -> Phc.parse("plaintext")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pbkdf2AgreesWithPythonHashlibThatIsOpenSsl() throws Exception {
        assumeTrue(commandExists("python3"), "python3 is not installed; the RFC 7914 vector above still checks PBKDF2");
        StringBuilder script = new StringBuilder("import hashlib,base64,sys\n");
        StringBuilder expected = new StringBuilder();
        for (long id = 1; id <= 20; id++) {
            String password = SeedPasswords.of(11, id) + (id % 4 == 0 ? "ß密" : "");
            String phc = PasswordHasher.of(Cost.pbkdf2(1000 + (int) id), Pbkdf2Engine.jdk).hash(password, SALT16);
            Phc parsed = Phc.parse(phc);
            script.append("print(base64.b64encode(hashlib.pbkdf2_hmac('sha256', bytes.fromhex('")
                    .append(java.util.HexFormat.of().formatHex(password.getBytes(StandardCharsets.UTF_8)))
                    .append("'), b'0123456789abcdef', ").append(parsed.param("i")).append(", 32)).decode().rstrip('='))\n");
            expected.append(phc.substring(phc.lastIndexOf('$') + 1)).append('\n');
        }
        assertThat(runOutput(List.of("python3", "-c", script.toString()))).isEqualTo(expected.toString());
    }

    @Test
    void argon2AgreesWithTheReferenceCommandLive() throws Exception {
        if (!commandExists("argon2") && "root".equals(System.getProperty("user.name"))) {
            runOutput(List.of("apt-get", "install", "-y", "-qq", "argon2")); // the reference command, in seconds
        }
        assertThat(commandExists("argon2")).as("the argon2 command (apt-get install argon2) is needed to check Argon2id against its reference").isTrue();
        for (long id = 1; id <= 5; id++) {
            String password = SeedPasswords.of(3, id) + (id == 2 ? "λ密" : "");
            String phc = PasswordHasher.of(Cost.argon2(256, 2, (int) id % 2 + 1), Pbkdf2Engine.jdk).hash(password, SALT16);
            Phc parsed = Phc.parse(phc);
            String cli = runOutput(List.of("argon2", "0123456789abcdef", "-id", "-t", "2", "-k", "256", "-p", Integer.toString(parsed.param("p")), "-l", "32", "-e"),
                    password.getBytes(StandardCharsets.UTF_8));
            assertThat(cli.strip()).isEqualTo(phc);
        }
    }

    private static boolean commandExists(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    private static String runOutput(List<String> command) throws IOException, InterruptedException {
        return runOutput(command, new byte[0]);
    }

    private static String runOutput(List<String> command, byte[] stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(p.exitValue()).as("%s exit code", command).isZero();
        return out;
    }
}
