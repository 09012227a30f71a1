package lab.client.hash.algorithm;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018, section 5.2) with each HMAC key pad absorbed once per password.
 *
 * <p>Why hand-written: HMAC(K, m) = H((K ^ opad) || H((K ^ ipad) || m)), and the two 64-byte pad
 * blocks depend only on the password. The JDK's {@code Mac} (which its PBKDF2 uses) hashes both pad
 * blocks again on every call, so one PBKDF2 iteration costs four SHA-256 compressions where two are
 * enough: the 32-byte message and the 32-byte inner hash each fit, padding included, in one block.
 * BouncyCastle's HMAC keeps the pad states, but its SHA-256 is plain Java, about three times slower
 * than the JDK's (HotSpot compiles {@code sun.security.provider.SHA2.implCompress0} to the CPU's
 * SHA-256 instructions). So this keeps the JDK's digest and does BouncyCastle's trick with it: the
 * digest states after the ipad and the opad block are computed once, and every iteration starts
 * from a {@link MessageDigest#clone() clone} of each (a copy of 8 ints and a 64-byte buffer, far
 * cheaper than a compression). The clones are still the JDK's SHA-256, so the intrinsic still runs.
 *
 * <p>Stateless and thread-safe: each call builds its own digests.
 */
final class PadsOncePbkdf2 {

    private static final int BLOCK = 64;
    private static final int DIGEST = 32;

    private PadsOncePbkdf2() {
    }

    static byte[] derive(String password, byte[] salt, int iterations, int bytes) {
        if (iterations < 1 || bytes < 1) {
            throw new IllegalArgumentException("PBKDF2 needs iterations >= 1 and bytes >= 1, not " + iterations + " and " + bytes);
        }
        Keyed keyed = Keyed.of(password);
        byte[] out = new byte[bytes];
        byte[] u = new byte[DIGEST];
        byte[] t = new byte[DIGEST];
        for (int block = 1, done = 0; done < bytes; block++, done += DIGEST) {
            // U1 = PRF(P, S || INT(block)); U_j = PRF(P, U_{j-1}); T = U1 ^ U2 ^ ... ^ Uc
            keyed.firstU(salt, block, u);
            System.arraycopy(u, 0, t, 0, DIGEST);
            for (int j = 1; j < iterations; j++) {
                MessageDigest in = copy(keyed.inner);
                in.update(u, 0, DIGEST);
                keyed.finish(in, u);
                for (int b = 0; b < DIGEST; b++) {
                    t[b] ^= u[b];
                }
            }
            System.arraycopy(t, 0, out, done, Math.min(DIGEST, bytes - done));
        }
        keyed.clear();
        return out;
    }

    /**
     * A password's two HMAC pad blocks ({@code key ^ ipad}, {@code key ^ opad}, the key zero-padded
     * to 64 bytes, or first hashed when longer, RFC 2104) and the SHA-256 states that have absorbed
     * each. Shared with {@link DirectPbkdf2}, which takes the blocks and the first U from here.
     */
    static final class Keyed {

        private final byte[] innerBlock;
        private final byte[] outerBlock;
        private final MessageDigest inner;
        private final MessageDigest outer;

        private Keyed(byte[] innerBlock, byte[] outerBlock, MessageDigest inner, MessageDigest outer) {
            this.innerBlock = innerBlock;
            this.outerBlock = outerBlock;
            this.inner = inner;
            this.outer = outer;
        }

        static Keyed of(String password) {
            MessageDigest sha = sha256();
            byte[] key = password.getBytes(StandardCharsets.UTF_8);
            if (key.length > BLOCK) { // RFC 2104: a key longer than a block is replaced by its hash
                key = sha.digest(key);
            }
            byte[] innerBlock = padBlock(key, (byte) 0x36);
            byte[] outerBlock = padBlock(key, (byte) 0x5c);
            Arrays.fill(key, (byte) 0);
            return new Keyed(innerBlock, outerBlock, absorbed(sha, innerBlock), absorbed(sha, outerBlock));
        }

        byte[] innerBlock() {
            return innerBlock;
        }

        byte[] outerBlock() {
            return outerBlock;
        }

        /** U1 = HMAC(P, S || INT(index)) into {@code u[0..32)}. */
        void firstU(byte[] salt, int index, byte[] u) {
            MessageDigest in = copy(inner);
            in.update(salt);
            in.update(new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index});
            finish(in, u);
        }

        /** Completes one HMAC: the inner digest (message already absorbed) into {@code u}, then the outer over it. */
        void finish(MessageDigest in, byte[] u) {
            try {
                in.digest(u, 0, DIGEST);
                MessageDigest out = copy(outer);
                out.update(u, 0, DIGEST);
                out.digest(u, 0, DIGEST);
            } catch (DigestException e) {
                throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
            }
        }

        /** Zeroes the pad blocks (the password in all but name). */
        void clear() {
            Arrays.fill(innerBlock, (byte) 0);
            Arrays.fill(outerBlock, (byte) 0);
        }

        private static byte[] padBlock(byte[] key, byte pad) {
            byte[] block = new byte[BLOCK];
            Arrays.fill(block, pad);
            for (int i = 0; i < key.length; i++) {
                block[i] ^= key[i];
            }
            return block;
        }

        /** A SHA-256 state that has absorbed one block. */
        private static MessageDigest absorbed(MessageDigest sha, byte[] block) {
            MessageDigest keyed = copy(sha);
            keyed.reset();
            keyed.update(block);
            return keyed;
        }
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JDK's SHA-256 cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
