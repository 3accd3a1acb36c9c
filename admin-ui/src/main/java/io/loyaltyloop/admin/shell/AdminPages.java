package io.loyaltyloop.admin.shell;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/** Picks the whole page or only its content fragment, by who asks. */
public final class AdminPages {

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
