/**
 * The Prometheus metrics page: the state mode 6 shows, written in the text exposition format
 * Prometheus scrapes. Pure: the daemon hands in what it publishes and serves the text.
 */
package org.jntp.metrics;
