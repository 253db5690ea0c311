/**
 * Leap seconds as pure code, no I/O and no clock reads: times are arguments, Unix nanoseconds
 * (or NTP seconds where leap-seconds.list writes them).
 *
 * <p>{@link org.jntp.leap.LeapSecondsFile} reads the {@code leapfile} into a
 * {@link org.jntp.leap.LeapTable}; {@link org.jntp.leap.LeapVote} counts the survivors' leap
 * indicators; {@link org.jntp.leap.LeapSchedule} picks the leap in force (the file's while it is
 * valid, else the vote's) and says what to serve in LI and what to arm in the kernel;
 * {@link org.jntp.leap.LeapSmear} gives the offset a smearing server adds to what it serves, and
 * {@link org.jntp.leap.ServedSmear} what the server threads need to add it per reply.
 */
package org.jntp.leap;
