package org.jntp.config;

/** One interface (or nic) line; the last rule matching an address decides for it. */
public record InterfaceRule(InterfaceAction action, InterfaceMatch match) {}
