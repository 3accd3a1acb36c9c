package io.loyaltyloop.browser;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.List;

/** Checks on a rendered page that reading its HTML cannot make, and the paths tests navigate to. */
public final class PageChecks {

    /** The narrowest phone screen the customer pages are made for (CSS pixels). */
    public static final int PHONE_WIDTH = 375;

    public static final int PHONE_HEIGHT = 812;

    private PageChecks() {}

    /**
     * The form fields (by id, or name) that no {@code <label>} names: every visible input, select and
     * textarea needs one, so that screen readers announce it and a tap on the text focuses it.
     */
    @SuppressWarnings("unchecked")
    public static List<String> fieldsWithoutLabel(Page page) {
        return (List<String>) page.evaluate("""
            () => Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
                .filter(field => field.labels.length === 0)
                .map(field => field.id || field.name)
            """);
    }

    /** Whether the page is wider than the viewport, so that a phone user has to scroll sideways. */
    public static boolean scrollsSideways(Page page) {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
    }

    /**
     * The path and query of a link from an email: links start with the public base URL, tests open
     * the same path on their own server (the page's base URL).
     */
    public static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
