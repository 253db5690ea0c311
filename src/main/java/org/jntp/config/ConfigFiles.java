package org.jntp.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads ntp.conf and its include files from disk: the only I/O of this package. */
public final class ConfigFiles {
    private ConfigFiles() {}

    /** Reads and parses the configuration file, following includefile lines on disk. */
    public static ConfigResult read(Path file) {
        return switch (load(file)) {
            case IncludeSource.Result.Found found ->
                    ConfigParser.parse(found.text(), file.toString(), ConfigFiles::load);
            case IncludeSource.Result.Unreadable unreadable -> new ConfigResult.Invalid(NtpConfig.defaults(),
                    List.of(new ConfigError(file.toString(), 0, 0,
                            "cannot read the configuration: " + unreadable.reason(),
                            "check the path and that the daemon may read it")), List.of());
        };
    }

    /** ntpd reads bytes, not characters: Latin-1 maps every byte, so no file fails to decode. */
    private static IncludeSource.Result load(Path path) {
        try {
            return new IncludeSource.Result.Found(Files.readString(path, StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            return new IncludeSource.Result.Unreadable("no such file");
        } catch (AccessDeniedException e) {
            return new IncludeSource.Result.Unreadable("permission denied");
        } catch (IOException e) {
            return new IncludeSource.Result.Unreadable(e.getMessage());
        }
    }
}
