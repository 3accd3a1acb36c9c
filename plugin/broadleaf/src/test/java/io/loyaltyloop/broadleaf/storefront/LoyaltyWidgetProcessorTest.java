package io.loyaltyloop.broadleaf.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.broadleaf.testing.BroadleafSite;
import io.loyaltyloop.broadleaf.testing.Checkouts;
import java.util.Locale;
import java.util.Set;
import org.broadleafcommerce.common.web.dialect.BLCDialect;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

class LoyaltyWidgetProcessorTest {

    @Test
    void thePatchRegistersTheProcessorInBroadleafsDialect() {
        Set<?> processors = BroadleafSite.bean("blDialectProcessors", Set.class);

        assertThat(processors).hasAtLeastOneElementOfType(LoyaltyWidgetProcessor.class);
    }

    @Test
    void rendersTheShopifyEmbedsMarkupForTheSignedInCustomerInTheirLanguage() throws Exception {
        // given
        Customer customer = Checkouts.newCustomer();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/shop/cart");
        request.setContextPath("/shop");
        request.setAttribute("customer", customer);

        // when
        String html = render(request, Locale.GERMAN);

        // then
        assertThat(html).contains("<h1>Heat Clinic</h1>");
        assertThat(html).contains("<link rel=\"stylesheet\" href=\"/shop/loyalty-loop/assets/loyalty-widget.css\">");
        assertThat(html)
                .contains("<div class=\"ll-root\" data-loyalty-loop data-proxy=\"/shop/loyalty-loop/api\""
                        + " data-texts=\"loyalty-loop-texts\" data-login-url=\"/shop/login\" data-position=\"left\""
                        + " data-accent=\"#ff0000\" data-customer=\"" + customer.getId() + "\"></div>");
        assertThat(html).contains("<script src=\"/shop/loyalty-loop/assets/loyalty-widget.js\" defer></script>");
        assertThat(html).doesNotContain("loyalty_loop_widget");
        assertThat(texts(html).get("title").getTextValue())
                .isEqualTo(germanTitle())
                .isNotEqualTo("Your rewards");
    }

    @Test
    void aGuestGetsTheWidgetWithoutACustomer() throws Exception {
        String html = render(new MockHttpServletRequest("GET", "/"), Locale.ENGLISH);

        assertThat(html).contains("data-proxy=\"/loyalty-loop/api\"").doesNotContain("data-customer");
        assertThat(texts(html).get("title").getTextValue()).isEqualTo("Your rewards");
    }

    @Test
    void attributeValuesCannotBreakOutOfTheMarkup() {
        String html = new WidgetMarkup()
                .accent("\"><script>alert(1)</script>")
                .loginUrl("//evil.example")
                .launcher("</script><script>alert(1)</script>")
                .html();

        assertThat(html).contains("data-accent=\"#1f6feb\"").contains("data-login-url=\"/login\"");
        assertThat(html).doesNotContain("<script>alert");
    }

    private static String render(MockHttpServletRequest request, Locale locale) {
        BroadleafSite.context(); // CustomerState resolves the customer through the running site
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode("HTML5");
        BLCDialect dialect = new BLCDialect();
        dialect.setProcessors(Set.<IProcessor>of(new LoyaltyWidgetProcessor()));
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.addDialect(dialect);
        WebContext context = new WebContext(request, new MockHttpServletResponse(), new MockServletContext(), locale);
        return engine.process("layout", context);
    }

    private static JsonNode texts(String html) throws Exception {
        String start = "<script type=\"application/json\" id=\"loyalty-loop-texts\">";
        int from = html.indexOf(start) + start.length();
        return new ObjectMapper().readTree(html.substring(from, html.indexOf("</script>", from)));
    }

    private static String germanTitle() throws Exception {
        return new ObjectMapper()
                .readTree(LoyaltyWidgetProcessorTest.class.getResourceAsStream(WidgetTexts.CLASSPATH + "de.json"))
                .path("loyalty")
                .path("widget")
                .path("title")
                .getTextValue();
    }
}
