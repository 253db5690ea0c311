package org.jntp.daemon.privilege;

/**
 * The user and group {@code -u} asks ntpd to run as, resolved to ids.
 *
 * @param user the user's name, for log lines
 * @param uid the user id
 * @param gid the group id: the {@code :group} given, else the user's primary group
 */
public record Identity(String user, int uid, int gid) {

    @Override
    public String toString() {
        return user + " (uid " + uid + ", gid " + gid + ")";
    }
}
