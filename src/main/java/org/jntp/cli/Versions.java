package org.jntp.cli;

/** The version the tools print: the jar's, or {@code dev} when run from classes. */
final class Versions {
    private Versions() {}

    static String of(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return "jntp " + (version != null ? version : "dev");
    }
}
