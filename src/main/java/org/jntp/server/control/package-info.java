/**
 * The daemon's side of the mode 6 control protocol (ntpq, ntpstat, monitoring tools), as ntpd
 * 4.2.8 answers it: READSTAT, READVAR for the system and each association, READCLOCK, and the
 * permission error for every operation that needs a key. Pure: the client thread publishes an
 * immutable {@link org.jntp.server.control.ControlState}, and a server thread turns a request and
 * that state into response datagrams with {@link org.jntp.server.control.ControlServer}.
 */
package org.jntp.server.control;
