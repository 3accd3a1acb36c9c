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

    /**
     * What sticks out past the right edge of the viewport, so that a phone user has to scroll
     * sideways: empty when the page fits, else the outermost elements that overflow (tag, id,
     * classes and right edge) or text, so that a failure names its cause. Content inside a box that
     * scrolls on its own (a wide table in an {@code overflow-x: auto} wrapper) does not count, unless
     * it is positioned out of it.
     */
    @SuppressWarnings("unchecked")
    public static List<String> sidewaysOverflow(Page page) {
        return (List<String>) page.evaluate("""
            () => {
              const width = window.innerWidth;
              if (document.documentElement.scrollWidth <= width) return [];
              // a box inside one that scrolls on its own (a wide table in an overflow-x: auto wrapper)
              // does not widen the page; an absolutely positioned one does unless the scrolling box is
              // (or encloses) its containing block, and a fixed one always does
              const scrollsOnItsOwn = node => {
                const position = node.nodeType === Node.ELEMENT_NODE ? getComputedStyle(node).position : 'static';
                if (position === 'fixed') return false;
                const first = position === 'absolute' ? node.offsetParent : node.parentElement;
                for (let box = first; box && box !== document.body; box = box.parentElement) {
                  if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(box).overflowX)) return true;
                }
                return false;
              };
              const found = [];
              for (const element of document.querySelectorAll('body *')) {
                const right = element.getBoundingClientRect().right;
                if (right <= width || scrollsOnItsOwn(element)) continue;
                if (found.some(outer => outer.element.contains(element))) continue;
                const classes = typeof element.className === 'string' && element.className.trim()
                    ? '.' + element.className.trim().split(/\\s+/).join('.') : '';
                found.push({element, text: element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
                    + classes + ' ends at ' + Math.round(right) + 'px of ' + width});
              }
              // text wider than its box (a long word in a narrow cell) overflows without its element doing so
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const range = document.createRange();
                range.selectNodeContents(node);
                const right = range.getBoundingClientRect().right;
                if (right <= width || scrollsOnItsOwn(node)) continue;
                if (found.some(outer => outer.element.contains(node))) continue;
                found.push({element: node, text: '"' + node.textContent.trim().slice(0, 40) + '" in '
                    + node.parentElement.tagName.toLowerCase() + ' ends at ' + Math.round(right) + 'px of ' + width});
              }
              return found.length ? found.map(f => f.text)
                  : ['the document is ' + document.documentElement.scrollWidth + 'px wide, the window ' + width];
            }
            """);
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
