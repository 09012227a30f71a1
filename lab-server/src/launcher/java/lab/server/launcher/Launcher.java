package lab.server.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The jar's entry point, compiled for Java 8 (every other class is compiled for 21), so that an older
 * {@code java} gets far enough to say what is wrong in one line, instead of the launcher's
 * UnsupportedClassVersionError and its stack trace. On a JDK 21+ it only hands over to
 * {@code lab.server.LabServer}.
 */
public final class Launcher {

    static final int NEEDED = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        String problem = problem(System.getProperty("java.specification.version"), System.getProperty("java.home"));
        if (problem != null) {
            System.err.println(problem);
            System.exit(1);
        }
        Method main = Class.forName("lab.server.LabServer").getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The one line to print when {@code specVersion} is older than {@link #NEEDED}, else null. */
    static String problem(String specVersion, String javaHome) {
        int feature = feature(specVersion);
        if (feature >= NEEDED) {
            return null;
        }
        return "lab-server: needs Java " + NEEDED + " or newer, but this java is " + specVersion + " (" + javaHome
                + "): put a JDK " + NEEDED + "+ first on PATH (or set JAVA_HOME and run $JAVA_HOME/bin/java), or use ./lab server, which finds one";
    }

    /** {@code 1.8} is 8, {@code 17} is 17. */
    static int feature(String specVersion) {
        String v = specVersion.startsWith("1.") ? specVersion.substring(2) : specVersion;
        int dot = v.indexOf('.');
        return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
    }
}
