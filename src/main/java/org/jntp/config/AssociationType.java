package org.jntp.config;

/** The directive that configured an association. */
public enum AssociationType {
    /** {@code server}: a client association with one server or reference clock. */
    SERVER("server"),
    /** {@code pool}: client associations with several servers behind one DNS name. */
    POOL("pool"),
    /** {@code peer}: a symmetric active association. */
    PEER("peer");

    private final String keyword;

    AssociationType(String keyword) {
        this.keyword = keyword;
    }

    /** The directive's name in ntp.conf. */
    public String keyword() {
        return keyword;
    }
}
