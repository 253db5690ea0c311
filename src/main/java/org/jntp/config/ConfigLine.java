package org.jntp.config;

import java.util.List;

/** The tokens of one non-empty line; a line is one command, as in ntpd. */
record ConfigLine(String file, int number, List<Token> tokens) {}
