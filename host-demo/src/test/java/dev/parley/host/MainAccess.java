package dev.parley.host;

/** Lets tests in other packages run {@link Main} without exiting the JVM. */
public final class MainAccess {

    private MainAccess() {
    }

    public static int run(String[] args) {
        return Main.run(args);
    }
}
