package org.jntp.daemon.privilege;

/** A user account as the password database has it: its name, user id and primary group id. */
public record Account(String name, int uid, int gid) {}
