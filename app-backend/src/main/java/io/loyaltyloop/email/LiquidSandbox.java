package io.loyaltyloop.email;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import liqp.Template;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.filters.Escape_Once;
import liqp.filters.Filter;
import liqp.nodes.LNode;
import liqp.parser.Flavor;
import liqp.tags.Tag;

/**
 * A liqp parser that cannot reach outside the template: {@code include}, {@code include_relative}
 * and {@code render} are replaced by tags that refuse, and the name resolver that would read
 * snippets from disk refuses too. Rendering is bounded in time, loop iterations and output size,
 * and templates in size and nesting depth ({@link TemplateLimits}).
 */
final class LiquidSandbox {

    /** Rendering runs on these threads so that liqp can give up waiting after the time limit. */
    private static final ExecutorService RENDER_THREADS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("liquid-render-", 0).factory());

    private final TemplateParser parser;

    LiquidSandbox(TemplateLimits limits) {
        this.parser = new TemplateParser.Builder()
                .withFlavor(Flavor.LIQUID)
                .withErrorMode(TemplateParser.ErrorMode.STRICT)
                // Unknown variables render as nothing: a merchant's typo must not stop an email.
                .withStrictVariables(false)
                .withNameResolver(name -> {
                    throw new IOException("templates cannot include other files");
                })
                .withTag(new Refused("include"))
                .withTag(new Refused("include_relative"))
                .withTag(new Refused("render"))
                // Values arrive escaped already; escaping again must not show "&amp;amp;".
                .withFilter(new EscapeOnce("escape"))
                .withFilter(new MoneyFilter())
                .withFilter(new LocalDateFilter())
                .withMaxIterations(limits.maxIterations())
                .withMaxSizeRenderedString(limits.maxOutputChars())
                .withMaxRenderTimeMillis(limits.maxRenderTime().toMillis())
                .withMaxTemplateSizeBytes(limits.maxTemplateBytes())
                .build();
    }

    /** @throws RuntimeException (liqp's) for syntax errors */
    Template parse(String source) {
        return parser.parse(source);
    }

    /** @throws RuntimeException when the template fails or goes over a limit */
    String render(Template template, Map<String, Object> variables) {
        return template.render(variables, RENDER_THREADS, false);
    }

    private static final class Refused extends Tag {

        Refused(String name) {
            super(name);
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            throw new IllegalStateException("the " + name + " tag is not available in email templates");
        }
    }

    /** {@code escape} that leaves entities alone: variables reach the template escaped already. */
    private static final class EscapeOnce extends Filter {

        private final Escape_Once delegate = new Escape_Once();

        EscapeOnce(String name) {
            super(name);
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            return delegate.apply(value, context, params);
        }
    }
}
