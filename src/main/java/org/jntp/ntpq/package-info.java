/**
 * The client side of the mode 6 control protocol: {@code ntpq} and {@code ntpstat}. Queries go
 * through {@link org.jntp.ntpq.ControlSession} (send, reassemble, retry once, as ntpq's
 * {@code doquery}); what they print is formatted by pure classes that take the reply and the time
 * as arguments, with the formats of ntpd 4.2.8's ntpq ({@code ntpq.c}, {@code ntpq-subs.c},
 * {@code libntp}) and of the C {@code ntpstat} that Debian ships.
 */
package org.jntp.ntpq;
