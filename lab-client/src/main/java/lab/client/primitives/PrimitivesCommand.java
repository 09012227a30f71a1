package lab.client.primitives;

import picocli.CommandLine.Command;

@Command(name = "primitives")
public final class PrimitivesCommand implements Runnable {
    public void run() { }
}
