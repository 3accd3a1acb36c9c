package io.loyaltyloop.browser;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Screenshots of pages under test, in the module's {@code target/screenshots/}, to look at. */
public final class Screenshots {

    /** Relative to the module, where Surefire runs the tests. */
    public static final Path DIRECTORY = Path.of("target", "screenshots");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    private Screenshots() {}

    /** Saves the whole page (not only the viewport) as {@code <name>.png} and returns the file. */
    public static Path save(Page page, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain file name: " + name);
        }
        Path file = DIRECTORY.resolve(name + ".png").toAbsolutePath();
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
