package org.jntp.daemon.privilege;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A stand-in for the identity system calls: a small password and group database, a permitted
 * capability set, every change recorded as the call it stands for, and one call that can be made
 * to fail with an errno.
 */
final class RecordingPrivileges implements Privileges {
    static final int EPERM = 1;

    private final List<Account> accounts;
    private final Map<String, Integer> groups;
    private final long permitted;
    private final List<String> calls = new ArrayList<>();
    private String failing = "";
    private int failingErrno;

    RecordingPrivileges(List<Account> accounts, Map<String, Integer> groups, long permitted) {
        this.accounts = accounts;
        this.groups = groups;
        this.permitted = permitted;
    }

    /** nobody (65534, group nogroup 65534) and ntp (106, group ntp 112), with every capability permitted. */
    static RecordingPrivileges withUsualAccounts() {
        return withPermitted(-1L);
    }

    static RecordingPrivileges withPermitted(long permitted) {
        return new RecordingPrivileges(List.of(new Account("nobody", 65534, 65534), new Account("ntp", 106, 112)),
                Map.of("nogroup", 65534, "ntp", 112, "adm", 4), permitted);
    }

    /** Makes the call whose recorded text starts with prefix fail with errno. */
    RecordingPrivileges failing(String prefix, int errno) {
        failing = prefix;
        failingErrno = errno;
        return this;
    }

    List<String> calls() {
        return calls;
    }

    @Override
    public Optional<Account> userNamed(String name) {
        return accounts.stream().filter(account -> account.name().equals(name)).findFirst();
    }

    @Override
    public Optional<Account> userWithId(int uid) {
        return accounts.stream().filter(account -> account.uid() == uid).findFirst();
    }

    @Override
    public OptionalInt groupNamed(String name) {
        Integer gid = groups.get(name);
        return gid == null ? OptionalInt.empty() : OptionalInt.of(gid);
    }

    @Override
    public long permittedCapabilities() {
        return permitted;
    }

    @Override
    public int keepCapabilities(boolean keep) {
        return record("prctl(PR_SET_KEEPCAPS, " + (keep ? 1 : 0) + ")");
    }

    @Override
    public int setGroups(int gid) {
        return record("setgroups([" + gid + "])");
    }

    @Override
    public int setGid(int gid) {
        return record("setgid(" + gid + ")");
    }

    @Override
    public int setUid(int uid) {
        return record("setuid(" + uid + ")");
    }

    @Override
    public int setCapabilities(long bits) {
        return record("capset(0x" + Long.toHexString(bits) + ")");
    }

    @Override
    public String errorText(int errno) {
        return errno == EPERM ? "Operation not permitted" : "errno " + errno;
    }

    private int record(String call) {
        calls.add(call);
        return !failing.isEmpty() && call.startsWith(failing) ? failingErrno : 0;
    }
}
