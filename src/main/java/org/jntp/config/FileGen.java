package org.jntp.config;

import java.util.Optional;

/**
 * One filegen line: how a statistics file is named and rotated. Empty values were not given.
 *
 * @param statistic loopstats, peerstats, clockstats...
 * @param file the file name prefix
 * @param type the rotation: none, pid, day, week, month, year or age
 * @param link whether to keep a link from the plain name to the current file
 * @param enabled whether the statistics are written
 */
public record FileGen(String statistic, Optional<String> file, Optional<String> type, Optional<Boolean> link,
        Optional<Boolean> enabled) {}
