package io.loyaltyloop.browser;

import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What went wrong inside a page while a test used it: uncaught script errors and console errors,
 * among them Content-Security-Policy violations (a blocked script or style leaves a page that looks
 * fine in a test that reads its HTML, and is broken for people). Chromium's "Failed to load
 * resource" lines are not counted: they report every 4xx answer, which tests check themselves.
 */
final class PageProblems {

    private final List<String> problems = new CopyOnWriteArrayList<>();

    private PageProblems() {}

    static PageProblems watch(Page page) {
        PageProblems watch = new PageProblems();
        page.onPageError(error -> watch.problems.add("uncaught: " + error));
        page.onConsoleMessage(watch::console);
        return watch;
    }

    private void console(ConsoleMessage message) {
        if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
            problems.add("console: " + message.text() + " (" + message.location() + ")");
        }
    }

    void assertNone() {
        if (!problems.isEmpty()) {
            throw new AssertionError("The page reported problems:\n  " + String.join("\n  ", problems));
        }
    }
}
