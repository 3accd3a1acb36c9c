package io.loyaltyloop.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives each test a page in a browser context of its own, on the {@link Chromium} shared by the JVM
 * (started by the first browser test, closed by JUnit after the last). After the test it saves a
 * screenshot of the page as the test left it ({@link Screenshots}, {@code
 * target/screenshots/<class>.<method>.png}, also when the test failed), fails the test if a script
 * on the page threw or the page broke its Content-Security-Policy ({@link PageProblems}), and closes
 * the context.
 */
public final class BrowserExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(BrowserExtension.class);

    private record OpenPage(BrowserContext context, Page page, PageProblems problems) {}

    @Override
    public void beforeEach(ExtensionContext test) {
        Chromium chromium = test.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Chromium.class, key -> Chromium.launch(), Chromium.class);
        BrowserContext context = chromium.newContext(baseUrl(test));
        try {
            Page page = context.newPage();
            test.getStore(NAMESPACE).put(OpenPage.class, new OpenPage(context, page, PageProblems.watch(page)));
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext test) {
        OpenPage open = test.getStore(NAMESPACE).remove(OpenPage.class, OpenPage.class);
        if (open == null) {
            return; // beforeEach failed, and said why
        }
        try {
            Screenshots.save(
                    open.page(),
                    test.getRequiredTestClass().getSimpleName() + "."
                            + test.getRequiredTestMethod().getName());
            open.problems().assertNone();
        } finally {
            open.context().close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext test) {
        Class<?> type = parameter.getParameter().getType();
        return type == Page.class || type == BrowserContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext test) {
        OpenPage open = test.getStore(NAMESPACE).get(OpenPage.class, OpenPage.class);
        if (open == null) {
            throw new IllegalStateException("A page exists only in a test method or its @BeforeEach/@AfterEach");
        }
        return parameter.getParameter().getType() == Page.class ? open.page() : open.context();
    }

    /** The running server of a Spring Boot test on a real port, so that tests navigate by path. */
    private static String baseUrl(ExtensionContext test) {
        if (!AnnotatedElementUtils.hasAnnotation(test.getRequiredTestClass(), SpringBootTest.class)) {
            return null;
        }
        String port =
                SpringExtension.getApplicationContext(test).getEnvironment().getProperty("local.server.port");
        return port == null ? null : "http://localhost:" + port;
    }
}
