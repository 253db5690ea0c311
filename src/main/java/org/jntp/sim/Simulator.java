package org.jntp.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs the seeds of a scenario, in parallel on the available cores: each seed is a world of its
 * own, so the results are the same whatever the threads, and they are handed over in seed order.
 */
public final class Simulator {

    private Simulator() {}

    /**
     * Runs every seed of {@code scenario} with clients from {@code factory}, passing each seed's
     * result to {@code onSeed} in seed order as soon as it and those before it are done.
     *
     * @return the metrics pooled over the seeds
     * @throws IllegalStateException if a run fails (a client that throws, or that gets stuck)
     */
    public static Summary run(Scenario scenario, ClientFactory factory, Consumer<SeedResult> onSeed) {
        int threads = (int) Math.min(Runtime.getRuntime().availableProcessors(), scenario.seeds().count());
        List<SeedResult> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<SeedResult>> runs = new ArrayList<>();
            for (long seed = scenario.seeds().first(); seed <= scenario.seeds().last(); seed++) {
                long runSeed = seed;
                runs.add(pool.submit(() -> Simulation.run(scenario, runSeed, factory)));
            }
            for (Future<SeedResult> run : runs) {
                SeedResult result = await(run, pool);
                results.add(result);
                onSeed.accept(result);
            }
        }
        return Summary.of(results);
    }

    private static SeedResult await(Future<SeedResult> run, ExecutorService pool) {
        try {
            return run.get();
        } catch (ExecutionException e) {
            pool.shutdownNow();
            throw new IllegalStateException("a simulation run failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while simulating", e);
        }
    }
}
