package org.jntp.daemon.privilege;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@link Privileges} through libc's wrappers, with the FFM API. The wrappers matter: glibc's
 * setgroups, setgid and setuid switch every thread of the process (the JVM has many), where the
 * bare system calls would switch only the calling one.
 */
public final class LinuxPrivileges implements Privileges {

    private static final int PR_SET_KEEPCAPS = 8;
    private static final int LINUX_CAPABILITY_VERSION_3 = 0x20080522;
    /** struct passwd and struct group on 64-bit Linux: two pointers, then the ids. */
    private static final long PW_UID = 16;
    private static final long PW_GID = 20;
    private static final long GR_GID = 16;
    private static final long ENTRY_SIZE = 48;
    /** Two struct __user_cap_data_struct {effective, permitted, inheritable}: bits 0-31, then 32-63. */
    private static final long CAP_DATA_SIZE = 24;
    private static final long PERMITTED = 4;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private static final MethodHandle GETPWNAM = function("getpwnam", FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle GETPWUID = function("getpwuid", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    private static final MethodHandle GETGRNAM = function("getgrnam", FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle CAPGET =
            function("capget", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), CAPTURE_ERRNO);
    private static final MethodHandle CAPSET =
            function("capset", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), CAPTURE_ERRNO);
    private static final MethodHandle PRCTL = function("prctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), CAPTURE_ERRNO, Linker.Option.firstVariadicArg(1));
    private static final MethodHandle SETGROUPS =
            function("setgroups", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS), CAPTURE_ERRNO);
    private static final MethodHandle SETGID = function("setgid", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle SETUID = function("setuid", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle STRERROR = function("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

    /** The process's own calls. */
    public LinuxPrivileges() {}

    private static MethodHandle function(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor, options);
    }

    @Override
    public Optional<Account> userNamed(String name) {
        try (Arena arena = Arena.ofConfined()) {
            return account((MemorySegment) GETPWNAM.invokeExact(arena.allocateFrom(name)));
        } catch (Throwable t) {
            throw new IllegalStateException("getpwnam could not be called", t);
        }
    }

    @Override
    public Optional<Account> userWithId(int uid) {
        try {
            return account((MemorySegment) GETPWUID.invokeExact(uid));
        } catch (Throwable t) {
            throw new IllegalStateException("getpwuid could not be called", t);
        }
    }

    private static Optional<Account> account(MemorySegment entry) {
        if (entry.equals(MemorySegment.NULL)) {
            return Optional.empty();
        }
        MemorySegment passwd = entry.reinterpret(ENTRY_SIZE);
        String name = passwd.get(ADDRESS, 0).reinterpret(Integer.MAX_VALUE).getString(0);
        return Optional.of(new Account(name, passwd.get(JAVA_INT, PW_UID), passwd.get(JAVA_INT, PW_GID)));
    }

    @Override
    public OptionalInt groupNamed(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment entry = (MemorySegment) GETGRNAM.invokeExact(arena.allocateFrom(name));
            return entry.equals(MemorySegment.NULL)
                    ? OptionalInt.empty()
                    : OptionalInt.of(entry.reinterpret(ENTRY_SIZE).get(JAVA_INT, GR_GID));
        } catch (Throwable t) {
            throw new IllegalStateException("getgrnam could not be called", t);
        }
    }

    @Override
    public long permittedCapabilities() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocate(CAP_DATA_SIZE, 4);
            MemorySegment state = arena.allocate(CALL_STATE);
            int errno = errno(capget(state, header(arena), data), state);
            if (errno != 0) {
                throw new IllegalStateException("capget failed: " + errorText(errno));
            }
            return Integer.toUnsignedLong(data.get(JAVA_INT, PERMITTED))
                    | (Integer.toUnsignedLong(data.get(JAVA_INT, 12 + PERMITTED)) << 32);
        }
    }

    private static int capget(MemorySegment state, MemorySegment header, MemorySegment data) {
        try {
            return (int) CAPGET.invokeExact(state, header, data);
        } catch (Throwable t) {
            throw new IllegalStateException("capget could not be called", t);
        }
    }

    @Override
    public int keepCapabilities(boolean keep) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return errno((int) PRCTL.invokeExact(state, PR_SET_KEEPCAPS, keep ? 1L : 0L), state);
        } catch (Throwable t) {
            throw new IllegalStateException("prctl could not be called", t);
        }
    }

    @Override
    public int setGroups(int gid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment groups = arena.allocateFrom(JAVA_INT, gid);
            return errno((int) SETGROUPS.invokeExact(state, 1L, groups), state);
        } catch (Throwable t) {
            throw new IllegalStateException("setgroups could not be called", t);
        }
    }

    @Override
    public int setGid(int gid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return errno((int) SETGID.invokeExact(state, gid), state);
        } catch (Throwable t) {
            throw new IllegalStateException("setgid could not be called", t);
        }
    }

    @Override
    public int setUid(int uid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return errno((int) SETUID.invokeExact(state, uid), state);
        } catch (Throwable t) {
            throw new IllegalStateException("setuid could not be called", t);
        }
    }

    @Override
    public int setCapabilities(long bits) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocate(CAP_DATA_SIZE, 4);
            for (int half = 0; half < 2; half++) {
                int word = (int) (bits >>> (32 * half));
                data.set(JAVA_INT, 12L * half, word);
                data.set(JAVA_INT, 12L * half + PERMITTED, word);
            }
            MemorySegment state = arena.allocate(CALL_STATE);
            return errno((int) CAPSET.invokeExact(state, header(arena), data), state);
        } catch (Throwable t) {
            throw new IllegalStateException("capset could not be called", t);
        }
    }

    /** struct __user_cap_header_struct for the calling thread (pid 0). */
    private static MemorySegment header(Arena arena) {
        MemorySegment header = arena.allocate(8, 4);
        header.set(JAVA_INT, 0, LINUX_CAPABILITY_VERSION_3);
        header.set(JAVA_INT, 4, 0);
        return header;
    }

    private static int errno(int result, MemorySegment state) {
        return result == 0 ? 0 : (int) ERRNO.get(state, 0L);
    }

    @Override
    public String errorText(int errno) {
        try {
            MemorySegment message = (MemorySegment) STRERROR.invokeExact(errno);
            return message.reinterpret(Integer.MAX_VALUE).getString(0) + " (errno " + errno + ")";
        } catch (Throwable t) {
            throw new IllegalStateException("strerror could not be called", t);
        }
    }
}
