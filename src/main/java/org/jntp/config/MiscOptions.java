package org.jntp.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options of ntpd's "Miscellaneous Options" page that the daemon applies.
 *
 * @param dscp            {@code dscp}: the Differentiated Services Code Point of every NTP packet
 *                        sent, 46 (Expedited Forwarding) unless given, as ntpd marks them
 * @param wanderThreshold {@code nonvolatile}: how far (s/s) the frequency must move before the
 *                        hourly drift file write happens, so flash storage is not worn by a file
 *                        that barely changes; ntpd's 1e-7 (0.1 PPM) unless given
 * @param setVars         {@code setvar} lines in file order
 * @param saveConfigDir   {@code saveconfigdir}: where {@code ntpq saveconfig} may write; without
 *                        it, saveconfig is refused
 */
public record MiscOptions(int dscp, double wanderThreshold, List<SetVar> setVars, Optional<String> saveConfigDir) {
    /** ntpd's {@code DSCP_EF}: NTP packets are sent as Expedited Forwarding. */
    public static final int DEFAULT_DSCP = 46;
    /** ntpd's default {@code wander_threshold}. */
    public static final double DEFAULT_WANDER_THRESHOLD = 1e-7;
    /** DSCP is six bits. */
    public static final int MAX_DSCP = 63;

    public MiscOptions {
        setVars = List.copyOf(setVars);
    }

    /** ntpd's defaults. */
    public static MiscOptions defaults() {
        return new MiscOptions(DEFAULT_DSCP, DEFAULT_WANDER_THRESHOLD, List.of(), Optional.empty());
    }

    /** The byte of the IPv4 TOS field and the IPv6 traffic class: the DSCP, no ECN bits. */
    public int trafficClass() {
        return dscp << 2;
    }

    MiscOptions withDscp(int value) {
        return new MiscOptions(value, wanderThreshold, setVars, saveConfigDir);
    }

    MiscOptions withWanderThreshold(double value) {
        return new MiscOptions(dscp, value, setVars, saveConfigDir);
    }

    MiscOptions withSetVar(SetVar setVar) {
        List<SetVar> more = new ArrayList<>(setVars.stream()
                .filter(v -> !v.name().equals(setVar.name())).toList());
        more.add(setVar);
        return new MiscOptions(dscp, wanderThreshold, more, saveConfigDir);
    }

    MiscOptions withSaveConfigDir(String directory) {
        return new MiscOptions(dscp, wanderThreshold, setVars, Optional.of(directory));
    }
}
