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
import lab.server.bench.Flags;

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
        PasswordHasher hasher = PasswordHasher.of(parseCost(args), Pbkdf2Engine.named(Flags.string(args, "--engine", "jdk")));
        long warmupMs = Long.parseLong(Flags.string(args, "--warmup-ms", "0"));
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

    // The flags are read by lab-server's small Flags, not by picocli: the only caller is ProcessHasher,
    // which always writes them well-formed, and a child that starts lighter starts sooner.
    static Cost parseCost(String[] args) {
        Algorithm algorithm = Algorithm.valueOf(Flags.string(args, "--algorithm", "pbkdf2"));
        return Cost.of(algorithm, Flags.integerOrNull(args, "--iterations"), Flags.integerOrNull(args, "--memory-kib"),
                Flags.integerOrNull(args, "--parallelism"));
    }
}
