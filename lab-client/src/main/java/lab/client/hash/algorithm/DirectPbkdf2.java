package lab.client.hash.algorithm;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * PBKDF2-HMAC-SHA256 that calls the JDK's SHA-256 compression itself: two compressions an
 * iteration and nothing else.
 *
 * <p>Why: {@link PadsOncePbkdf2} already does two compressions an iteration, yet measured here it
 * reaches about 0.4 of the SHA-256 limit, because {@code MessageDigest} has no way to set a state:
 * every iteration clones two digests (eight objects, about 400 bytes, some 2 GB/s of garbage on
 * one core), copies the message and the padding into each clone's buffer, writes the output and
 * resets the clone it then drops. The compression is the same either way:
 * {@code sun.security.provider.SHA2.implCompress}, which HotSpot's C2 replaces with the CPU's
 * SHA-256 instructions. Here the HMAC pad states are two arrays of eight ints, copied into one
 * digest's state before each compression, and every message of the loop is the same preformatted
 * block (32 bytes of message, then SHA-256's padding for a 96-byte input, the same for the inner
 * and the outer hash), so an iteration allocates nothing.
 *
 * <p>The price is reaching into {@code java.base}: the JVM must be started with
 * {@code --add-opens java.base/sun.security.provider=ALL-UNNAMED} (lab-client's jar says so in
 * its manifest; the build passes it to the tests, the benches and the child JVMs). Without it, or
 * on a JDK whose SHA-256 is shaped differently, {@link #UNAVAILABLE} says why, and
 * {@code --engine auto} leaves this engine out. The first block (salt and block index, any
 * length) still goes through {@link PadsOncePbkdf2}'s {@code MessageDigest} HMAC: once per hash.
 */
final class DirectPbkdf2 {

    private static final int BLOCK = 64;
    private static final int DIGEST = 32;
    private static final int WORDS = 8;
    /** SHA-256's padding of a 96-byte message (a pad block, then 32 bytes): 0x80, zeros, the length in bits. */
    private static final int BIT_LENGTH = (BLOCK + DIGEST) * 8;
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private static final MethodHandle NEW_SHA256;
    private static final MethodHandle COMPRESS;
    private static final MethodHandle STATE;
    /** Why this engine cannot run on this JVM, or null when it can. */
    static final String UNAVAILABLE;

    static {
        MethodHandle make = null;
        MethodHandle compress = null;
        MethodHandle state = null;
        String why = null;
        try {
            Class<?> sha2 = Class.forName("sun.security.provider.SHA2");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(sha2, MethodHandles.lookup());
            make = lookup.findConstructor(Class.forName("sun.security.provider.SHA2$SHA256"), MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
            compress = lookup.findVirtual(sha2, "implCompress", MethodType.methodType(void.class, byte[].class, int.class))
                    .asType(MethodType.methodType(void.class, Object.class, byte[].class, int.class));
            state = lookup.findGetter(sha2, "state", int[].class).asType(MethodType.methodType(int[].class, Object.class));
            int[] iv = (int[]) state.invokeExact((Object) make.invokeExact());
            if (iv.length != WORDS || iv[0] != 0x6a09e667) {
                why = "this JDK's SHA-256 state is not the 8 words of FIPS 180-4";
            }
        } catch (IllegalAccessException e) {
            why = "needs --add-opens java.base/sun.security.provider=ALL-UNNAMED (" + e.getMessage() + ")";
        } catch (Throwable e) { // a JDK whose SHA-256 has another shape
            why = "this JDK's SHA-256 has no implCompress(byte[], int) and int[] state: " + e;
        }
        NEW_SHA256 = make;
        COMPRESS = compress;
        STATE = state;
        UNAVAILABLE = why;
    }

    private DirectPbkdf2() {
    }

    static byte[] derive(String password, byte[] salt, int iterations, int bytes) {
        if (UNAVAILABLE != null) {
            throw new IllegalStateException("the direct PBKDF2 engine " + UNAVAILABLE);
        }
        if (iterations < 1 || bytes < 1) {
            throw new IllegalArgumentException("PBKDF2 needs iterations >= 1 and bytes >= 1, not " + iterations + " and " + bytes);
        }
        try {
            return run(password, salt, iterations, bytes);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the JDK's SHA-256 compression failed", e);
        }
    }

    private static byte[] run(String password, byte[] salt, int iterations, int bytes) throws Throwable {
        PadsOncePbkdf2.Keyed keyed = PadsOncePbkdf2.Keyed.of(password);
        Object sha = NEW_SHA256.invokeExact();
        int[] state = (int[]) STATE.invokeExact(sha);
        int[] iv = state.clone();
        int[] inner = padState(sha, state, iv, keyed.innerBlock());
        int[] outer = padState(sha, state, iv, keyed.outerBlock());

        byte[] block = new byte[BLOCK]; // message in 0..31, then the fixed padding
        block[DIGEST] = (byte) 0x80;
        INT_BE.set(block, BLOCK - 4, BIT_LENGTH);
        int[] t = new int[WORDS];
        byte[] out = new byte[bytes];
        for (int index = 1, done = 0; done < bytes; index++, done += DIGEST) {
            keyed.firstU(salt, index, block); // U1 = PRF(P, S || INT(index)) into block[0..32)
            for (int w = 0; w < WORDS; w++) {
                t[w] = (int) INT_BE.get(block, 4 * w);
            }
            for (int j = 1; j < iterations; j++) { // U_j = PRF(P, U_{j-1}); T ^= U_j
                System.arraycopy(inner, 0, state, 0, WORDS);
                COMPRESS.invokeExact(sha, block, 0);
                toBytes(state, block);
                System.arraycopy(outer, 0, state, 0, WORDS);
                COMPRESS.invokeExact(sha, block, 0);
                toBytes(state, block);
                for (int w = 0; w < WORDS; w++) {
                    t[w] ^= state[w];
                }
            }
            byte[] tBytes = new byte[DIGEST];
            toBytes(t, tBytes);
            System.arraycopy(tBytes, 0, out, done, Math.min(DIGEST, bytes - done));
        }
        keyed.clear();
        return out;
    }

    /** The state after one compression of {@code padBlock} from SHA-256's initial value {@code iv}. */
    private static int[] padState(Object sha, int[] state, int[] iv, byte[] padBlock) throws Throwable {
        System.arraycopy(iv, 0, state, 0, WORDS);
        COMPRESS.invokeExact(sha, padBlock, 0);
        return state.clone();
    }

    private static void toBytes(int[] words, byte[] into) {
        for (int w = 0; w < WORDS; w++) {
            INT_BE.set(into, 4 * w, words[w]);
        }
    }
}
