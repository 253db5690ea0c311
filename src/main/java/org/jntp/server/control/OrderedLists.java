package org.jntp.server.control;

import java.util.List;

/**
 * The lists CTL_OP_READ_ORDLIST_A reads ({@code ntpq ifstats}, {@code ntpq reslist}), taken when
 * a request asks for them, for their counters move with every packet.
 */
public interface OrderedLists {
    /** The addresses served, in the order they were opened (ntpd's {@code ifnum}). */
    List<InterfaceStats> interfaces();

    /** The restrict list in match order: IPv4 entries, then IPv6 ones. */
    List<RestrictionHits> restrictions();

    /** No addresses and no restrictions: a state not published by a daemon. */
    static OrderedLists none() {
        return new OrderedLists() {
            @Override
            public List<InterfaceStats> interfaces() {
                return List.of();
            }

            @Override
            public List<RestrictionHits> restrictions() {
                return List.of();
            }
        };
    }
}
