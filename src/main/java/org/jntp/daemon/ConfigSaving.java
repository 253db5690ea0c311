package org.jntp.daemon;

import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jntp.config.SetVar;
import org.jntp.server.control.ConfigSaver;

/**
 * {@code ntpq saveconfig NAME}, as ntpd 4.2.8 does it: the configuration read at start (one line a
 * directive, includes expanded, comments dropped) and then the text {@code :config} applied, written
 * to a new file of {@code saveconfigdir} that only the daemon's user can read. The name may hold
 * strftime conversions; a name that could leave the directory is refused. A saved name is kept as
 * the system variable {@code savedconfig}, as ntpd keeps it.
 */
final class ConfigSaving implements ConfigSaver {
    /** ntpd's {@code filename[128]}, less the NUL. */
    private static final int MAX_NAME_LENGTH = 127;
    /** Letters, digits and a few marks, not starting with a dot: nothing that names a directory. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9._+-]*");

    private final Path directory;
    private final List<String> directives;
    private final Supplier<ZonedDateTime> now;
    private final EventLog log;
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private volatile Optional<String> savedName = Optional.empty();

    /**
     * @param directory  saveconfigdir
     * @param directives the configuration's lines as read at start
     * @param now        the local time, for the name's conversions and the file's first line
     */
    ConfigSaving(Path directory, List<String> directives, Supplier<ZonedDateTime> now, EventLog log) {
        this.directory = directory;
        this.directives = List.copyOf(directives);
        this.now = now;
        this.log = log;
    }

    @Override
    public void applied(String text) {
        text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(applied::add);
    }

    @Override
    public String save(String fileSpec, InetSocketAddress from) {
        ZonedDateTime time = now.get();
        String expanded = Strftime.format(fileSpec, time);
        String name = expanded.isEmpty() ? fileSpec : expanded;
        String asker = AddressText.of(from.getAddress());
        if (name.length() > MAX_NAME_LENGTH || !SAFE_NAME.matcher(name).matches()) {
            log.info("saveconfig rejects unsafe file name from " + asker);
            return "saveconfig rejects unsafe file name '" + name + "'";
        }
        Path file = directory.resolve(name);
        try (Writer out = Files.newBufferedWriter(Files.createFile(file,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
            out.write(text(time));
        } catch (IOException e) {
            log.info("saveconfig " + name + " from " + asker + " failed");
            return "Unable to save configuration to file '" + name + "': " + reason(e);
        }
        savedName = Optional.of(name);
        log.info("Configuration saved to '" + file + "' (requested by " + asker + ")");
        return "Configuration saved to '" + name + "'";
    }

    /** {@code savedconfig} once a save succeeded, after the given setvar variables. */
    List<SetVar> userVariables(List<SetVar> configured) {
        Optional<String> saved = savedName;
        if (saved.isEmpty()) {
            return configured;
        }
        List<SetVar> all = new ArrayList<>(configured);
        all.add(new SetVar("savedconfig", saved.get(), false));
        return all;
    }

    private String text(ZonedDateTime time) {
        StringBuilder text = new StringBuilder("# saveconfig " + time.toOffsetDateTime() + "\n");
        directives.forEach(line -> text.append(line).append('\n'));
        if (!applied.isEmpty()) {
            text.append("# applied at run time\n");
            applied.forEach(line -> text.append(line).append('\n'));
        }
        return text.toString();
    }

    private static String reason(IOException e) {
        return switch (e) {
            case FileAlreadyExistsException exists -> "File exists";
            case NoSuchFileException missing -> "No such file or directory";
            case AccessDeniedException denied -> "Permission denied";
            default -> String.valueOf(e.getMessage());
        };
    }
}
