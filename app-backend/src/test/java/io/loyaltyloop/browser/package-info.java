/** Browser tests: one shared headless Chromium driven by Playwright, a fresh context per test. */
package io.loyaltyloop.browser;
