package org.jntp.daemon.privilege;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The system calls that change who the process is. Each change returns 0, or the errno of its
 * failure; {@link LinuxPrivileges} makes them through libc, tests record them.
 */
public interface Privileges {

    /** {@code getpwnam}. */
    Optional<Account> userNamed(String name);

    /** {@code getpwuid}. */
    Optional<Account> userWithId(int uid);

    /** {@code getgrnam}: the group's id. */
    OptionalInt groupNamed(String name);

    /** {@code capget}: the calling thread's permitted capability bits. */
    long permittedCapabilities();

    /** {@code prctl(PR_SET_KEEPCAPS, keep)}: whether the permitted set survives the switch away from root. */
    int keepCapabilities(boolean keep);

    /** {@code setgroups}: the supplementary groups become this one group. */
    int setGroups(int gid);

    /** {@code setgid}: real, effective and saved group id. */
    int setGid(int gid);

    /** {@code setuid}: real, effective and saved user id. */
    int setUid(int uid);

    /** {@code capset}: permitted and effective become these bits, inheritable none. */
    int setCapabilities(long bits);

    /** {@code strerror}. */
    String errorText(int errno);
}
