package org.jntp.daemon.privilege;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The read-only calls against this machine's databases and this thread's capabilities; nothing is changed. */
class LinuxPrivilegesTest {
    private final LinuxPrivileges privileges = new LinuxPrivileges();

    @Test
    void findsRootByName() {
        assertThat(privileges.userNamed("root")).contains(new Account("root", 0, 0));
    }

    @Test
    void findsRootById() {
        assertThat(privileges.userWithId(0)).contains(new Account("root", 0, 0));
    }

    @Test
    void findsNoUserThatDoesNotExist() {
        assertThat(privileges.userNamed("jntp-no-such-user")).isEqualTo(Optional.empty());
    }

    @Test
    void findsTheRootGroup() {
        assertThat(privileges.groupNamed("root")).hasValue(0);
    }

    @Test
    void readsThePermittedSetProcShowsForThisThread() throws Exception {
        String status = Files.readString(Path.of("/proc/thread-self/status"));
        String capPrm = status.lines().filter(line -> line.startsWith("CapPrm:")).findFirst().orElseThrow();

        assertThat(privileges.permittedCapabilities()).isEqualTo(Long.parseUnsignedLong(capPrm.split("\\s+")[1], 16));
    }

    @Test
    void describesAnErrno() {
        assertThat(privileges.errorText(1)).isEqualTo("Operation not permitted (errno 1)");
    }
}
