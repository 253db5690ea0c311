package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.jntp.daemon.ColdPages.Mapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColdPagesTest {

    private static final int PAGE = 4096;
    private static final int PAGES = 256;

    private static final String MAPS = """
            00400000-00401000 r--p 00000000 fd:01 1049 /usr/lib/jvm/bin/java
            01b6e000-01b8f000 rw-p 00000000 00:00 0                                  [heap]
            7f3a40000000-7f3a40021000 rw-p 00000000 00:00 0
            7f3a4c200000-7f3a4d3a2000 r-xp 00200000 fd:01 2203 /opt/jntp/runtime/lib/server/libjvm.so
            7f3a4d600000-7f3a4d800000 rw-s 00000000 fd:01 3301 /tmp/hsperfdata_ntp/1234
            7f3a4e000000-7f3a4f000000 r--s 00000000 fd:01 2210 /opt/jntp/runtime/lib/modules
            7ffd5c3f0000-7ffd5c411000 rw-p 00000000 00:00 0                          [stack]
            ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
            """;

    @Test
    void findsTheMappingsOfFiles() {
        assertThat(ColdPages.fileMappings(MAPS)).containsExactly(
                new Mapping(0x400000L, 0x401000L),
                new Mapping(0x7f3a4c200000L, 0x7f3a4d3a2000L),
                new Mapping(0x7f3a4e000000L, 0x7f3a4f000000L));
    }

    @Test
    void leavesWritableSharedFileMappingsAlone() {
        assertThat(ColdPages.fileMappings(MAPS)).doesNotContain(new Mapping(0x7f3a4d600000L, 0x7f3a4d800000L));
    }

    @Test
    void joinsAdjacentFileMappingsIntoOneRange() {
        String library = """
                7f3a4c000000-7f3a4c200000 r--p 00000000 fd:01 2203 /opt/jntp/runtime/lib/server/libjvm.so
                7f3a4c200000-7f3a4d3a2000 r-xp 00200000 fd:01 2203 /opt/jntp/runtime/lib/server/libjvm.so
                7f3a4d3a2000-7f3a4d400000 rw-p 013a2000 fd:01 2203 /opt/jntp/runtime/lib/server/libjvm.so
                7f3a4d400000-7f3a4d500000 rw-p 00000000 00:00 0
                7f3a4d500000-7f3a4d510000 r-xp 00000000 fd:01 2301 /opt/jntp/runtime/lib/libjava.so
                """;

        assertThat(ColdPages.fileMappings(library)).containsExactly(
                new Mapping(0x7f3a4c000000L, 0x7f3a4d400000L),
                new Mapping(0x7f3a4d500000L, 0x7f3a4d510000L));
    }

    @Test
    void findsNothingInAMapOfAnonymousMemoryOnly() {
        assertThat(ColdPages.fileMappings("7f3a40000000-7f3a40021000 rw-p 00000000 00:00 0 \n")).isEmpty();
    }

    @Test
    void hasTheKernelTakeTheAdviceForAWholeFileMapping(@TempDir Path dir) throws IOException {
        try (Arena arena = Arena.ofConfined(); FileChannel channel = FileChannel.open(pagesFile(dir))) {
            MemorySegment pages = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            pages.load();

            long advised = ColdPages.pageOut(List.of(rangeOf(pages)));

            assertThat(advised).isEqualTo(pages.byteSize());
        }
    }

    @Test
    void keepsWhatThePagesOfAPrivateFileMappingHold(@TempDir Path dir) throws IOException {
        try (Arena arena = Arena.ofConfined();
                FileChannel channel = FileChannel.open(pagesFile(dir), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // written pages of a private mapping exist only in memory: as relocated code and the
            // class cache's pages are, which an advice that discarded pages would break
            MemorySegment pages = channel.map(FileChannel.MapMode.PRIVATE, 0, channel.size(), arena);
            pages.fill((byte) 0x5a);

            ColdPages.pageOut(List.of(rangeOf(pages)));

            byte[] expected = new byte[(int) pages.byteSize()];
            Arrays.fill(expected, (byte) 0x5a);
            assertThat(pages.toArray(ValueLayout.JAVA_BYTE)).isEqualTo(expected);
        }
    }

    private static Path pagesFile(Path dir) throws IOException {
        Path file = dir.resolve("pages");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[PAGES * PAGE]));
            channel.force(true);
        }
        return file;
    }

    private static Mapping rangeOf(MemorySegment pages) {
        return new Mapping(pages.address(), pages.address() + pages.byteSize());
    }
}
