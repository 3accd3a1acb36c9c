package io.loyaltyloop.email;

import java.time.Duration;

/**
 * What one template may cost. Merchants edit templates, so a template is untrusted input: these
 * bound what a mistaken or hostile one can do to a sender.
 *
 * @param maxTemplateBytes the size of one part's source
 * @param maxDepth how deeply blocks ({@code if}, {@code for}, …) may nest; deep nesting would
 *     exhaust the parser's stack
 * @param maxIterations loop iterations in one render, all loops together
 * @param maxOutputChars the size of one rendered part
 * @param maxRenderTime the time one part may take to render
 */
record TemplateLimits(
        int maxTemplateBytes, int maxDepth, int maxIterations, int maxOutputChars, Duration maxRenderTime) {

    /** Generous for any real email (the defaults are under 8 kB and loop over a few items). */
    static final TemplateLimits DEFAULT = new TemplateLimits(64 * 1024, 24, 10_000, 512 * 1024, Duration.ofSeconds(2));
}
