package lab.client.hash.strategy;

/** How a batch's hashes are spread over the machine. Lower-case constants: the CLI's spelling. */
public enum Strategy {
    /** One hash after another on the calling thread: the baseline (workers must be 1). */
    sequential,
    /** A pool of K platform threads. The JDK's hashing holds no global lock (there is no GIL), so K threads use K cores. */
    threads,
    /**
     * K virtual threads. They run on a carrier pool of one thread per core, and a CPU-bound hash
     * never blocks, so it never yields its carrier: 100 virtual threads hash no faster than 2
     * platform threads on 2 cores. What they buy is cheap blocking, which hashing does not do.
     */
    virtual,
    /** K child JVMs, each hashing the slice of every batch it is handed over a pipe: the multiprocessing answer. */
    processes
}
