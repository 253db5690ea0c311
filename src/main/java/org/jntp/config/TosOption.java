package org.jntp.config;

/**
 * One name and value of a tos line (minclock 3, orphan 10, mindist 0.01, basedate 2020-01-01...).
 * The value is kept as written; it has been checked to be a number, or a date for basedate.
 */
public record TosOption(String name, String value) {}
