/**
 * Keeping time, as pure functions of samples and time: the clock filter, selection, cluster and
 * combine algorithms of RFC 5905 §10-11, and the clock discipline. No threads, no I/O, no reading
 * of clocks: every time is an argument.
 */
package org.jntp.discipline;
