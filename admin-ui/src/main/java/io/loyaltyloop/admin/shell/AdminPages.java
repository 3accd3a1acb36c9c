package io.loyaltyloop.admin.shell;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/** Picks the whole page or only its content fragment, by who asks. */
public final class AdminPages {

    /**
     * The status of a refused form: its page or fragment comes back with the errors next to their
     * fields, and the layout's htmx config swaps 422 like a success so they show.
     */
    public static final int UNPROCESSABLE = 422;

    private AdminPages() {}

    /**
     * The view for {@code template}: its {@code content} fragment for htmx swaps; the whole page for
     * document loads and for htmx's history restore, which replaces the whole body.
     */
    public static String view(HtmxRequest htmx, String template) {
        boolean fragment = htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest();
        return fragment ? template + " :: content" : template;
    }
}
