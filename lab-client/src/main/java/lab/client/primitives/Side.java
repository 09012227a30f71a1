package lab.client.primitives;

/** Which solution of an exercise a round runs. */
public enum Side {
    /** The solution built on the right primitive. */
    REFERENCE,
    /** The plausible solution a hurried engineer writes, with the bug the primitive exists to prevent. */
    NAIVE
}
