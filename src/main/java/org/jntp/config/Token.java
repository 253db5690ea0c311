package org.jntp.config;

/** One word of a line, with its 1-based column; quotes are already removed. */
record Token(String text, int column) {}
