package org.jntp.source;

import org.jntp.discipline.DisciplineSettings;
import org.jntp.discipline.SelectionParameters;

/**
 * How the {@link Synchronizer} selects and steers.
 *
 * @param tos        the selection limits of the {@code tos} line
 * @param discipline the discipline's thresholds, drift file frequency included
 */
public record SyncSettings(SelectionParameters tos, DisciplineSettings discipline) {}
