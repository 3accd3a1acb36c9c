package io.loyaltyloop.email;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.Template;
import liqp.exceptions.LiquidException;

/**
 * Renders an email from its Liquid parts in the sandbox ({@link LiquidSandbox}): the subject and
 * text with the variables as given, the HTML body with them escaped ({@link TemplateVariables}),
 * placed in the shipped layout. Also checks templates a merchant edits ({@link #validate}).
 */
final class TemplateRenderer {

    /** Mail clients cut subjects far shorter; a longer one is a mistake, not content. */
    static final int MAX_SUBJECT_CHARS = 200;

    private static final Pattern TAG = Pattern.compile("\\{%-?\\s*(\\w+)");
    private static final java.util.Set<String> BLOCKS =
            java.util.Set.of("if", "unless", "for", "case", "capture", "tablerow", "comment", "raw", "ifchanged");

    private final LiquidSandbox sandbox;
    private final TemplateLimits limits;
    private final Template layout;
    /** Parsed templates by source: the same shop templates are rendered again and again. */
    private final Map<String, Template> parsed = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Template> eldest) {
            return size() > 1_000;
        }
    });

    TemplateRenderer(TemplateLimits limits, String layoutSource) {
        this.limits = limits;
        this.sandbox = new LiquidSandbox(limits);
        this.layout = sandbox.parse(layoutSource);
    }

    /** @throws TemplateException if a part does not parse or goes over a limit */
    RenderedEmail render(TemplateParts parts, RenderRequest request) {
        Map<String, Object> plain = variables(request, false);
        Map<String, Object> escaped = variables(request, true);
        String subject = oneLine(renderPart("subject", parts.subject(), plain));
        String text = renderPart("text", parts.text(), plain);
        escaped.put("content", renderPart("html", parts.html(), escaped));
        escaped.put("subject", org.springframework.web.util.HtmlUtils.htmlEscape(subject, "UTF-8"));
        escaped.put("preheader", escaped.get("subject"));
        String html = sandbox.render(layout, escaped);
        return new RenderedEmail(subject, html, text);
    }

    /**
     * The problems of a merchant's template, each a sentence naming the part (and line, for syntax
     * errors); empty when it can be saved. Unknown variables are not problems: they render as
     * nothing. The template is also rendered once with {@code sample} variables, so that limits
     * reached at render time (loops, output size, time) show here rather than when sending.
     */
    List<String> validate(TemplateParts parts, RenderRequest sample) {
        List<String> problems = new ArrayList<>();
        if (parts.subject() == null || parts.subject().isBlank()) {
            problems.add("subject: must not be empty");
        } else if (parts.subject().indexOf('\n') >= 0 || parts.subject().indexOf('\r') >= 0) {
            // Rendering joins lines anyway; refusing says so instead of sending something else than typed.
            problems.add("subject: must be one line");
        }
        check("subject", parts.subject(), problems);
        check("html", parts.html(), problems);
        check("text", parts.text(), problems);
        if (problems.isEmpty()) {
            try {
                RenderedEmail rendered = render(parts, sample);
                if (rendered.subject().isBlank()) {
                    problems.add("subject: renders as an empty line");
                }
            } catch (TemplateException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    private void check(String part, String source, List<String> problems) {
        if (source == null) {
            problems.add(part + ": is missing");
            return;
        }
        int bytes = source.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > limits.maxTemplateBytes()) {
            problems.add(part + ": is " + bytes + " bytes long; templates may be at most " + limits.maxTemplateBytes()
                    + " bytes");
            return;
        }
        int depth = nesting(source);
        if (depth > limits.maxDepth()) {
            problems.add(part + ": blocks are nested " + depth + " deep; at most " + limits.maxDepth() + " allowed");
            return;
        }
        try {
            parse(source);
        } catch (TemplateException e) {
            problems.add(part + ": " + e.getMessage());
        }
    }

    private String renderPart(String part, String source, Map<String, Object> variables) {
        Template template;
        try {
            template = parse(source);
        } catch (TemplateException e) {
            throw new TemplateException(part + ": " + e.getMessage(), e);
        }
        try {
            return sandbox.render(template, variables);
        } catch (RuntimeException | StackOverflowError e) {
            throw new TemplateException(part + ": " + renderFailure(e), e);
        }
    }

    private Template parse(String source) {
        if (source.length() > limits.maxTemplateBytes()) {
            throw new TemplateException("is longer than " + limits.maxTemplateBytes() + " bytes", null);
        }
        if (nesting(source) > limits.maxDepth()) {
            throw new TemplateException("blocks are nested more than " + limits.maxDepth() + " deep", null);
        }
        Template cached = parsed.get(source);
        if (cached != null) {
            return cached;
        }
        try {
            Template template = sandbox.parse(source);
            parsed.put(source, template);
            return template;
        } catch (LiquidException e) {
            throw new TemplateException(
                    "syntax error at line " + e.line + ", column " + (e.charPositionInLine + 1) + ": "
                            + firstLine(e.getMessage()),
                    e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new TemplateException("syntax error: " + firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    private String renderFailure(Throwable e) {
        // liqp wraps its limit errors (in ExecutionException and RuntimeException): look at the chain.
        StringBuilder chain = new StringBuilder();
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            chain.append(t.getClass().getSimpleName())
                    .append(": ")
                    .append(t.getMessage())
                    .append('\n');
            root = t;
        }
        String all = chain.toString();
        if (all.contains("ExceededMaxIterationsException") || all.contains("exceeded maxIterations")) {
            return "loops run more than " + limits.maxIterations() + " times in total";
        }
        if (all.contains("TimeoutException") || all.contains("exceeded the max amount of time")) {
            return "takes longer than " + limits.maxRenderTime().toMillis() + " ms to render";
        }
        if (all.contains("rendered string exceeds")) {
            return "renders to more than " + limits.maxOutputChars() + " characters";
        }
        if (all.contains("StackOverflowError")) {
            return "nests too deeply to render";
        }
        return firstLine(String.valueOf(root.getMessage()));
    }

    private static Map<String, Object> variables(RenderRequest request, boolean html) {
        Map<String, Object> variables = TemplateVariables.prepare(request.variables(), html);
        Map<String, Object> shop = new LinkedHashMap<>();
        if (variables.get("shop") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> shop.put(k.toString(), v));
        }
        shop.putAll(TemplateVariables.prepare(
                Map.of(
                        "name", request.shopName(),
                        "currency", request.currency().getCurrencyCode(),
                        "timezone", request.timezone().getId()),
                html));
        variables.put("shop", shop);
        variables.put("locale", request.locale().toLanguageTag());
        if (request.unsubscribeUrl() != null) {
            variables.putAll(TemplateVariables.prepare(Map.of("unsubscribe_url", request.unsubscribeUrl()), html));
        } else {
            variables.remove("unsubscribe_url");
        }
        return variables;
    }

    static int nesting(String source) {
        int depth = 0;
        int max = 0;
        Matcher m = TAG.matcher(source);
        while (m.find()) {
            String tag = m.group(1);
            if (BLOCKS.contains(tag)) {
                max = Math.max(max, ++depth);
            } else if (tag.startsWith("end")) {
                depth = Math.max(0, depth - 1);
            }
        }
        return max;
    }

    private static String oneLine(String subject) {
        String line = subject.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_SUBJECT_CHARS ? line : line.substring(0, MAX_SUBJECT_CHARS);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
