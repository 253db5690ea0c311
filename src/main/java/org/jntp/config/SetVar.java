package org.jntp.config;

/**
 * A system variable that {@code setvar} adds to those mode 6 shows, as {@code ntpq -c "rv 0 NAME"}
 * reads it.
 *
 * @param isDefault {@code default}: shown also when a request names no variables (plain {@code rv})
 */
public record SetVar(String name, String value, boolean isDefault) {}
