package org.jntp.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jntp.server.access.DiscardSettings;
import org.jntp.server.access.MruSettings;
import org.jntp.server.access.RestrictRule;

/** Collects what the lines of ntp.conf configure, in file order, for one parse. */
final class ConfigBuilder {
    private final List<Association> associations = new ArrayList<>();
    private final List<Fudge> fudges = new ArrayList<>();
    private final List<RestrictRule> restrictions = new ArrayList<>();
    private final List<InterfaceRule> interfaceRules = new ArrayList<>();
    private final EnumSet<SystemFlag> enabledFlags = EnumSet.copyOf(SystemFlag.defaults());
    private final List<TosOption> tos = new ArrayList<>();
    private final List<TinkerOption> tinker = new ArrayList<>();
    private final List<String> statistics = new ArrayList<>();
    private final List<FileGen> fileGens = new ArrayList<>();
    private DiscardSettings discard = DiscardSettings.defaults();
    private MruSettings mru = MruSettings.defaults();
    private FilePaths files = FilePaths.none();
    private Optional<String> statsDir = Optional.empty();
    private int leapSmearIntervalSeconds;
    private AuthSettings auth = AuthSettings.none();
    private Optional<MetricsEndpoint> metrics = Optional.empty();
    private MiscOptions misc = MiscOptions.defaults();
    private final List<String> directives = new ArrayList<>();
    private final List<Predicate<Association>> unpeers = new ArrayList<>();
    private LogMask logMask = LogMask.DEFAULT;
    private NtsSettings nts = NtsSettings.none();

    void add(Association association) {
        associations.add(association);
    }

    void add(Fudge fudge) {
        fudges.add(fudge);
    }

    void add(RestrictRule rule) {
        restrictions.add(rule);
    }

    void add(InterfaceRule rule) {
        interfaceRules.add(rule);
    }

    void add(TosOption option) {
        tos.add(option);
    }

    void add(TinkerOption option) {
        tinker.add(option);
    }

    void add(FileGen fileGen) {
        fileGens.add(fileGen);
    }

    void addStatistic(String name) {
        statistics.add(name);
    }

    void setEnabled(SystemFlag flag, boolean enabled) {
        if (enabled) {
            enabledFlags.add(flag);
        } else {
            enabledFlags.remove(flag);
        }
    }

    DiscardSettings discard() {
        return discard;
    }

    void discard(DiscardSettings settings) {
        discard = settings;
    }

    MruSettings mru() {
        return mru;
    }

    void mru(MruSettings settings) {
        mru = settings;
    }

    FilePaths files() {
        return files;
    }

    void files(FilePaths paths) {
        files = paths;
    }

    void statsDir(String directory) {
        statsDir = Optional.of(directory);
    }

    void leapSmearInterval(int seconds) {
        leapSmearIntervalSeconds = seconds;
    }

    AuthSettings auth() {
        return auth;
    }

    void auth(AuthSettings settings) {
        auth = settings;
    }

    void metrics(MetricsEndpoint endpoint) {
        metrics = Optional.of(endpoint);
    }

    MiscOptions misc() {
        return misc;
    }

    void misc(MiscOptions options) {
        misc = options;
    }

    /** Drops, when the configuration is built, the association lines this matches: an unpeer line. */
    void unpeer(Predicate<Association> lines) {
        unpeers.add(lines);
    }

    /** Keeps a line that configured something, for saveconfig. */
    void addDirective(String text) {
        directives.add(text);
    }

    LogMask logMask() {
        return logMask;
    }

    void logMask(LogMask mask) {
        logMask = mask;
    }

    NtsSettings nts() {
        return nts;
    }

    void nts(NtsSettings settings) {
        nts = settings;
    }

    NtpConfig build() {
        List<Association> kept = associations.stream()
                .filter(association -> unpeers.stream().noneMatch(unpeer -> unpeer.test(association))).toList();
        return new NtpConfig(kept, fudges, restrictions, discard, mru, interfaceRules, enabledFlags, tos, tinker, files,
                new StatisticsConfig(statsDir, statistics, fileGens), leapSmearIntervalSeconds, auth, metrics, misc,
                directives, logMask, nts);
    }
}
