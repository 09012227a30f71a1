package lab.report.section;

/** The sentence under each table that says where its figures come from and which command made them. */
final class Source {

    private Source() {
    }

    static String of(String rawFile, String command) {
        return "<sub>Source: `results/raw/" + rawFile + "`, written by `" + command + "`.</sub>\n\n";
    }
}
