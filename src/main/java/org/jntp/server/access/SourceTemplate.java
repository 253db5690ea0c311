package org.jntp.server.access;

/**
 * The {@code restrict source} template: the entry ntpd adds for each association's address.
 *
 * @param flags the {@link RestrictFlag} mask
 */
public record SourceTemplate(int flags, boolean ntpPortOnly, int ipPeerLimit) {}
