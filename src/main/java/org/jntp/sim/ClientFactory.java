package org.jntp.sim;

/** Builds the client for one run (one seed); called once per run, possibly on several threads at once. */
public interface ClientFactory {

    /** The client for the run that {@code setup} describes. */
    SimulatedClient create(RunSetup setup);
}
