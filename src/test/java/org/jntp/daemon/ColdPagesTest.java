package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.jntp.daemon.ColdPages.Mapping;
import org.jntp.daemon.ColdPages.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColdPagesTest {

    private static final int PAGE = 4096;
    private static final int PAGES = 256;

    /** A mapping's header line and the lines of it the plan reads. */
    private static String mapping(String header, int anonymousKb, int swapKb) {
        return header + "\nRss:                 100 kB\nAnonymous:      " + anonymousKb + " kB\nLazyFree:              0 kB\n"
                + "Swap:           " + swapKb + " kB\nVmFlags: rd mr mw me \n";
    }

    private static final String SMAPS = mapping("00400000-00401000 r--p 00000000 fd:01 1049 /usr/lib/jvm/bin/java", 0, 0)
            + mapping("01b6e000-01b8f000 rw-p 00000000 00:00 0                                  [heap]", 132, 0)
            + mapping("7f3a40000000-7f3a40021000 rw-p 00000000 00:00 0", 132, 0)
            + mapping("7f3a4c200000-7f3a4d3a2000 r-xp 00200000 fd:01 2203 /opt/jntp/runtime/lib/server/libjvm.so", 0, 0)
            + mapping("7f3a4d600000-7f3a4d800000 rw-s 00000000 fd:01 3301 /tmp/hsperfdata_ntp/1234", 0, 0)
            + mapping("7f3a4e000000-7f3a4f000000 r--s 00000000 fd:01 2210 /opt/jntp/runtime/lib/modules", 0, 0)
            + mapping("7f3a50000000-7f3a51000000 rw-p 00001000 fd:01 2301 /var/cache/jntp/jntp-daemon.aot", 13672, 0)
            + mapping("7f3a52000000-7f3a52100000 r--p 00100000 fd:01 2302 /opt/jntp/runtime/lib/libjava.so", 8, 0)
            + mapping("7f3a53000000-7f3a53100000 r--p 00100000 fd:01 2303 /opt/jntp/runtime/lib/libnet.so", 0, 4)
            + mapping("7ffd5c3f0000-7ffd5c411000 rw-p 00000000 00:00 0                          [stack]", 12, 0);

    @Test
    void pagesOutEveryFileMappingButWritableSharedOnes() {
        assertThat(ColdPages.plan(SMAPS).files()).containsExactly(
                new Mapping(0x400000L, 0x401000L),
                new Mapping(0x7f3a4c200000L, 0x7f3a4d3a2000L),
                new Mapping(0x7f3a4e000000L, 0x7f3a4f000000L),
                new Mapping(0x7f3a50000000L, 0x7f3a51000000L),
                new Mapping(0x7f3a52000000L, 0x7f3a52100000L),
                new Mapping(0x7f3a53000000L, 0x7f3a53100000L));
    }

    @Test
    void dropsOnlyTheFileMappingsNothingWrote() {
        // not the class cache (writable, pages of its own), libjava's relocations (a page of their
        // own) nor libnet's (swapped out: its own too)
        assertThat(ColdPages.plan(SMAPS).unwritten()).containsExactly(
                new Mapping(0x400000L, 0x401000L),
                new Mapping(0x7f3a4c200000L, 0x7f3a4d3a2000L),
                new Mapping(0x7f3a4e000000L, 0x7f3a4f000000L));
    }

    @Test
    void joinsAdjacentFileMappingsIntoOneRange() {
        String library = mapping("7f3a4c000000-7f3a4c200000 r--p 00000000 fd:01 2203 /opt/lib/libjvm.so", 0, 0)
                + mapping("7f3a4c200000-7f3a4d3a2000 r-xp 00200000 fd:01 2203 /opt/lib/libjvm.so", 0, 0)
                + mapping("7f3a4d3a2000-7f3a4d400000 rw-p 013a2000 fd:01 2203 /opt/lib/libjvm.so", 40, 0)
                + mapping("7f3a4d400000-7f3a4d500000 rw-p 00000000 00:00 0", 8, 0)
                + mapping("7f3a4d500000-7f3a4d510000 r-xp 00000000 fd:01 2301 /opt/lib/libjava.so", 0, 0);

        Plan plan = ColdPages.plan(library);

        assertThat(plan.files()).containsExactly(
                new Mapping(0x7f3a4c000000L, 0x7f3a4d400000L),
                new Mapping(0x7f3a4d500000L, 0x7f3a4d510000L));
        assertThat(plan.unwritten()).containsExactly(
                new Mapping(0x7f3a4c000000L, 0x7f3a4d3a2000L),
                new Mapping(0x7f3a4d500000L, 0x7f3a4d510000L));
    }

    @Test
    void findsNothingInAMapOfAnonymousMemoryOnly() {
        Plan plan = ColdPages.plan(mapping("7f3a40000000-7f3a40021000 rw-p 00000000 00:00 0", 4, 0));

        assertThat(plan.files()).isEmpty();
        assertThat(plan.unwritten()).isEmpty();
    }

    @Test
    void takesTheResidentPagesOfAFileMappingNothingWroteOutOfTheProcess(@TempDir Path dir) throws IOException {
        try (Arena arena = Arena.ofConfined(); FileChannel channel = FileChannel.open(pagesFile(dir))) {
            MemorySegment pages = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            pages.load();
            assertThat(residentKb(pages)).isEqualTo(PAGES * PAGE / 1024);

            ColdPages.pageOut(TestLogs.silent());

            assertThat(residentKb(pages)).isZero();
        }
    }

    @Test
    void keepsWhatThePagesOfAPrivateFileMappingHold(@TempDir Path dir) throws IOException {
        try (Arena arena = Arena.ofConfined();
                FileChannel channel = FileChannel.open(pagesFile(dir), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // written pages of a private mapping exist only in memory, as the relocated class
            // cache's do: dropping them would bring back the file's bytes
            MemorySegment pages = channel.map(FileChannel.MapMode.PRIVATE, 0, channel.size(), arena);
            pages.fill((byte) 0x5a);

            ColdPages.pageOut(TestLogs.silent());

            byte[] expected = new byte[(int) pages.byteSize()];
            Arrays.fill(expected, (byte) 0x5a);
            assertThat(pages.toArray(ValueLayout.JAVA_BYTE)).isEqualTo(expected);
        }
    }

    @Test
    void hasTheKernelTakeThePageOutAdviceForAWholeFileMapping(@TempDir Path dir) throws IOException {
        try (Arena arena = Arena.ofConfined(); FileChannel channel = FileChannel.open(pagesFile(dir))) {
            MemorySegment pages = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);

            long advised = ColdPages.advise(List.of(rangeOf(pages)), ColdPages.MADV_PAGEOUT);

            assertThat(advised).isEqualTo(pages.byteSize());
        }
    }

    @Test
    void takesTheResidentPagesOfAMappingOutOfTheProcessAsAnyUserMay(@TempDir Path dir) throws IOException {
        try (Arena arena = Arena.ofConfined(); FileChannel channel = FileChannel.open(pagesFile(dir))) {
            MemorySegment pages = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            pages.load();

            ColdPages.advise(List.of(rangeOf(pages)), ColdPages.MADV_DONTNEED);

            assertThat(residentKb(pages)).isZero();
        }
    }

    private static Mapping rangeOf(MemorySegment pages) {
        return new Mapping(pages.address(), pages.address() + pages.byteSize());
    }

    private static Path pagesFile(Path dir) throws IOException {
        Path file = dir.resolve("pages");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[PAGES * PAGE]));
            channel.force(true);
        }
        return file;
    }

    /** The mapping's resident kB, as this process's smaps has it. */
    private static long residentKb(MemorySegment pages) throws IOException {
        String header = Long.toHexString(pages.address()) + "-";
        List<String> lines = Files.readAllLines(Path.of("/proc/self/smaps"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(header)) {
                for (int j = i + 1; j < lines.size(); j++) {
                    if (lines.get(j).startsWith("Rss:")) {
                        return Long.parseLong(lines.get(j).replaceAll("[^0-9]", ""));
                    }
                }
            }
        }
        throw new AssertionError("no mapping at " + header);
    }
}
