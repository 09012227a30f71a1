package lab.client.tour;

import java.io.PrintWriter;

/** One task of the tour: runs it at a small size and prints its table, each figure next to its bound. */
public interface TourSection {

    String title();

    void run(TourContext context, PrintWriter out) throws Exception;
}
