package org.jntp.ntpq;

import java.util.Optional;

/**
 * What ntpq's ifstats or reslist printed from one answer: the table, and when the rows came out
 * of order, the message ntpq gives on standard error before it exits.
 *
 * @param out what goes to standard output
 * @param abort the message for standard error, when ntpq gave up on the answer
 */
record OrderedListing(String out, Optional<String> abort) {}
