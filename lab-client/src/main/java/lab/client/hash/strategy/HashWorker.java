package lab.client.hash.strategy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import lab.client.hash.algorithm.Algorithm;
import lab.client.hash.algorithm.Cost;
import lab.client.hash.algorithm.PasswordHasher;
import lab.client.hash.algorithm.Pbkdf2Engine;

/**
 * The main of a {@code processes} child: reads slices (a count, then that many passwords as
 * modified UTF-8) from stdin, writes one PHC string per password to stdout, in order, until stdin
 * ends. Flags: {@code --engine jdk|bc|pads} and the cost flags of {@code hash migrate}. Run by
 * {@link ProcessHasher}, not by hand.
 */
public final class HashWorker {

    private HashWorker() {
    }

    public static void main(String[] args) throws IOException {
        PasswordHasher hasher = PasswordHasher.of(parseCost(args), Pbkdf2Engine.valueOf(flag(args, "--engine", "jdk")));
        Salts salts = new Salts();
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(System.out, 1 << 16));
        while (true) {
            int n;
            try {
                n = in.readInt();
            } catch (EOFException e) {
                return; // the parent is done, or dead
            }
            String[] passwords = new String[n];
            for (int i = 0; i < n; i++) {
                passwords[i] = in.readUTF();
            }
            for (String password : passwords) {
                out.writeUTF(hasher.hash(password, salts.next()));
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
