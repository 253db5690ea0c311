package org.jntp.config;

/** What an interface line does with the addresses it matches. */
public enum InterfaceAction {
    /** Open the addresses and serve them. */
    LISTEN("listen"),
    /** Do not open the addresses. */
    IGNORE("ignore"),
    /** Open the addresses but drop every packet received on them. */
    DROP("drop");

    private final String keyword;

    InterfaceAction(String keyword) {
        this.keyword = keyword;
    }

    /** The word interface lines spell this action with. */
    public String keyword() {
        return keyword;
    }
}
