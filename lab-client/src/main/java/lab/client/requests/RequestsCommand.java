package lab.client.requests;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code requests}: calls lab-server's items endpoint with one of the strategies. (Being written.) */
@Command(name = "requests", mixinStandardHelpOptions = true,
        description = "Call an API that serves only N at a time, with one of the strategies.")
public final class RequestsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new lab.client.cli.UserError("not implemented yet");
    }
}
