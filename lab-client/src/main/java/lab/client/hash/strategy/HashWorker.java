package lab.client.hash.strategy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import lab.client.hash.algorithm.Algorithm;
import lab.client.hash.algorithm.Calibration;
import lab.client.hash.algorithm.Cost;
import lab.client.hash.algorithm.PasswordHasher;
import lab.client.hash.algorithm.Pbkdf2Engine;

/**
 * The main of a {@code processes} child. It first hashes on its own until its rate is steady (the
 * JIT has compiled the hot loop to the CPU's SHA instructions), then writes {@link Frames#READY};
 * only then does the parent start its clock. After that it reads slices (a count, then that many
 * passwords as {@link Frames}) from stdin and writes one PHC string per password to stdout, in
 * order, until stdin ends. Flags: {@code --engine jdk|bc|pads}, {@code --warmup-ms N} and the cost
 * flags of {@code hash migrate}. Run by {@link ProcessHasher}, not by hand.
 */
public final class HashWorker {

    private HashWorker() {
    }

    public static void main(String[] args) throws IOException {
        PasswordHasher hasher = PasswordHasher.of(parseCost(args), Pbkdf2Engine.named(flag(args, "--engine", "jdk")));
        long warmupMs = Long.parseLong(flag(args, "--warmup-ms", "0"));
        if (warmupMs > 0) {
            Calibration.warmUp(hasher, Duration.ofMillis(warmupMs));
        }
        Salts salts = new Salts();
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(System.out, 1 << 16));
        out.writeInt(Frames.READY);
        out.flush();
        while (true) {
            int n;
            try {
                n = in.readInt();
            } catch (EOFException e) {
                return; // the parent is done, or dead
            }
            String[] passwords = new String[n];
            for (int i = 0; i < n; i++) {
                passwords[i] = Frames.read(in);
            }
            for (String password : passwords) {
                Frames.write(out, hasher.hash(password, salts.next()));
            }
            out.flush();
        }
    }

    // The flags are read by hand, not by picocli: the only caller is ProcessHasher, which always
    // writes them well-formed, and a child that starts lighter starts sooner.
    static Cost parseCost(String[] args) {
        Algorithm algorithm = Algorithm.valueOf(flag(args, "--algorithm", "pbkdf2"));
        return Cost.of(algorithm, intFlag(args, "--iterations"), intFlag(args, "--memory-kib"), intFlag(args, "--parallelism"));
    }

    private static Integer intFlag(String[] args, String name) {
        String value = flag(args, name, null);
        return value == null ? null : Integer.valueOf(value);
    }

    private static String flag(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
