package io.loyaltyloop.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class whose tests drive a real headless Chromium: each test method may take a {@link
 * com.microsoft.playwright.Page} (or its {@link com.microsoft.playwright.BrowserContext}), new for
 * that test and, in a Spring Boot test, based at the running server ({@code page.navigate("/r/...")}).
 * See {@link BrowserExtension} for what happens around each test.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserExtension.class)
@Tag("browser")
public @interface BrowserTest {}
