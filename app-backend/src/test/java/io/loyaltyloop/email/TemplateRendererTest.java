package io.loyaltyloop.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.journey.StepKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rendering and validating templates, including hostile ones a merchant could save. */
class TemplateRendererTest {

    private static final DefaultTemplates DEFAULTS = new DefaultTemplates();
    private static final TemplateRenderer RENDERER = new TemplateRenderer(TemplateLimits.DEFAULT, DEFAULTS.layout());

    private static RenderRequest request(Map<String, Object> variables) {
        return new RenderRequest(
                "Fern & Finch",
                Currency.getInstance("EUR"),
                ZoneId.of("Europe/Berlin"),
                Locale.GERMANY,
                "https://loyalty.example.com/u/tok",
                variables);
    }

    private static TemplateParts parts(String html) {
        return new TemplateParts("Hello", html, "text");
    }

    @Test
    void escapesVariablesInTheHtmlPartButNotInTheTextPart() {
        TemplateParts parts = new TemplateParts(
                "Hi {{ customer.first_name }}", "<p>{{ customer.first_name }}</p>", "{{ customer.first_name }}");

        RenderedEmail email = RENDERER.render(
                parts, request(Map.of("customer", Map.of("first_name", "<script>alert('x')</script>"))));

        assertThat(email.html())
                .contains("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>")
                .doesNotContain("<script>");
        assertThat(email.text()).isEqualTo("<script>alert('x')</script>");
        assertThat(email.subject()).isEqualTo("Hi <script>alert('x')</script>");
    }

    @Test
    void escapeFilterDoesNotEscapeTwice() {
        RenderedEmail email = RENDERER.render(parts("{{ name | escape }}"), request(Map.of("name", "A & B")));

        assertThat(email.html()).contains("A &amp; B").doesNotContain("&amp;amp;");
    }

    @Test
    void dropsLinksThatAreNotWebLinks() {
        RenderedEmail email = RENDERER.render(
                parts("<a href=\"{{ tracking.tracking_url }}\">x</a>"),
                request(Map.of("tracking", Map.of("tracking_url", "javascript:alert(1)"))));

        assertThat(email.html()).contains("<a href=\"\">x</a>");
    }

    @Test
    void formatsMoneyAndDatesForTheLocaleAndTheShopsTimeZone() {
        RenderedEmail email = RENDERER.render(
                parts("{{ total | money }} / {{ total | money: \"USD\" }} / {{ at | date_local }} / {{ at |"
                        + " date_local: \"short\" }}"),
                request(Map.of("total", new BigDecimal("1234.5"), "at", Instant.parse("2026-11-01T23:30:00Z"))));

        // 23:30 UTC is already 2 November in Berlin.
        assertThat(email.html()).contains("1.234,50\u00a0€ / 1.234,50\u00a0$ / 2. November 2026 / 02.11.26");
    }

    @Test
    void unknownVariablesRenderAsNothing() {
        RenderedEmail email = RENDERER.render(parts("[{{ no.such.thing }}]"), request(Map.of()));

        assertThat(email.html()).contains("[]");
    }

    @Test
    void subjectIsOneLineAndBounded() {
        RenderedEmail email = RENDERER.render(
                new TemplateParts("{{ a }}\r\nBcc: x@example.com {{ b }}", "", ""),
                request(Map.of("a", "Hello", "b", "x".repeat(500))));

        assertThat(email.subject())
                .startsWith("Hello Bcc: x@example.com xxx")
                .hasSize(200)
                .doesNotContain("\n", "\r");
    }

    @ParameterizedTest
    @EnumSource(StepKind.class)
    void everyDefaultTemplateRendersAndValidates(StepKind kind) {
        TemplateParts parts = DEFAULTS.forKind(kind);

        assertThat(RENDERER.validate(parts, request(SampleVariables.forKind(kind))))
                .isEmpty();
        RenderedEmail email = RENDERER.render(parts, request(SampleVariables.forKind(kind)));
        assertThat(email.subject()).isNotBlank().doesNotContain("{{");
        assertThat(email.html()).startsWith("<!DOCTYPE html>").contains("<html lang=\"de-DE\">", "Fern &amp; Finch");
        assertThat(email.text()).isNotBlank().doesNotContain("{{", "{%");
    }

    @Test
    void theDefaultTemplatesLeaveOutWhatIsMissingOrEmpty() {
        // liqp (0.9) takes "x != blank" as true even for a missing x: the templates test "x and x != empty".
        TemplateParts parts = DEFAULTS.forKind(StepKind.POINTS_EARNED);
        RenderRequest withoutExtras = new RenderRequest(
                "Fern & Finch",
                Currency.getInstance("EUR"),
                ZoneId.of("Europe/Berlin"),
                Locale.GERMANY,
                null,
                Map.of("points", Map.of("earned", 40, "balance", 90), "account_url", ""));

        RenderedEmail email = RENDERER.render(parts, withoutExtras);

        assertThat(email.text()).startsWith("Hi,").doesNotContain("See your rewards", "with order", "Unsubscribe");
        assertThat(email.html()).doesNotContain("Unsubscribe");
    }

    @Test
    void reportsSyntaxErrorsWithThePartAndLine() {
        List<String> problems = RENDERER.validate(
                new TemplateParts("Hi", "<p>ok</p>\n{% if x %}unclosed", "text {{ x"), request(Map.of()));

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("html: syntax error");
        assertThat(problems.get(1)).startsWith("text: syntax error");
    }

    @Test
    void refusesEmptySubject() {
        assertThat(RENDERER.validate(new TemplateParts(" ", "x", "x"), request(Map.of())))
                .containsExactly("subject: must not be empty");
    }

    @Test
    void refusesASubjectOnMoreThanOneLine() {
        for (String subject : new String[] {"Hi\nBcc: x@example.com", "Hi\r\nX: y", "Hi\r"}) {
            assertThat(RENDERER.validate(new TemplateParts(subject, "x", "x"), request(Map.of())))
                    .containsExactly("subject: must be one line");
        }
    }

    @Test
    void refusesIncludesOfFiles() {
        for (String hostile :
                List.of("{% include '/etc/passwd' %}", "{% include_relative '../../pom.xml' %}", "{% render 'x' %}")) {
            assertThat(RENDERER.validate(parts(hostile), request(Map.of())))
                    .as(hostile)
                    .singleElement()
                    .asString()
                    .startsWith("html: ")
                    .doesNotContain("root:");
            assertThatThrownBy(() -> RENDERER.render(parts(hostile), request(Map.of())))
                    .isInstanceOf(TemplateException.class);
        }
    }

    @Test
    void stopsHugeLoops() {
        String loop = "{% for i in (1..1000000) %}{% for j in (1..1000000) %}x{% endfor %}{% endfor %}";

        assertThat(RENDERER.validate(parts(loop), request(Map.of())))
                .containsExactly("html: loops run more than 10000 times in total");
    }

    @Test
    void stopsOutputBlowUp() {
        String blowUp = "{% assign s = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' %}"
                + "{% for i in (1..20) %}{% assign s = s | append: s %}{% endfor %}{{ s }}";

        assertThat(RENDERER.validate(parts(blowUp), request(Map.of())))
                .singleElement()
                .asString()
                .startsWith("html: ");
    }

    @Test
    void refusesDeepNesting() {
        String deep = "{% if true %}".repeat(2_000) + "x" + "{% endif %}".repeat(2_000);

        assertThat(RENDERER.validate(parts(deep), request(Map.of())))
                .containsExactly("html: blocks are nested 2000 deep; at most 24 allowed");
    }

    @Test
    void refusesOversizedTemplates() {
        String huge = "x".repeat(70_000);

        assertThat(RENDERER.validate(parts(huge), request(Map.of())))
                .containsExactly("html: is 70000 bytes long; templates may be at most 65536 bytes");
    }
}
