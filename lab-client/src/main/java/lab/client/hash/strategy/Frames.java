package lab.client.hash.strategy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The strings on the pipe between {@link ProcessHasher} and its {@link HashWorker} children: a
 * 4-byte length, then that many bytes of UTF-8. Not {@code writeUTF}: its 2-byte length caps a
 * string at 65 535 encoded bytes, and one longer plaintext would fail its batch on every rerun.
 */
final class Frames {

    /** The child's first word on its stdout, once it is warm. */
    static final int READY = 0x4c41_4221;

    private Frames() {
    }

    static void write(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("corrupt frame on the hashing pipe: length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
