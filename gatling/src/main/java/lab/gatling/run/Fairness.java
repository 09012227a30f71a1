package lab.gatling.run;

import java.util.Collection;

/** How evenly a shared server's work went to its clients. */
public final class Fairness {

    private Fairness() {
    }

    /**
     * Jain's index over the clients' completed requests, {@code (sum x)^2 / (n sum x^2)}: 1 when all
     * got the same, {@code 1/n} when one got everything; 0 when nobody got anything.
     */
    public static double jain(Collection<ClientFigures> clients) {
        double sum = 0;
        double squares = 0;
        for (ClientFigures f : clients) {
            sum += f.ok();
            squares += (double) f.ok() * f.ok();
        }
        return squares == 0 ? 0 : sum * sum / (clients.size() * squares);
    }
}
