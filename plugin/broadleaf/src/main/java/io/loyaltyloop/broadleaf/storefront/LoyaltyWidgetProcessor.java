package io.loyaltyloop.broadleaf.storefront;

import java.util.Collections;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import org.thymeleaf.Arguments;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.dom.Element;
import org.thymeleaf.dom.Macro;
import org.thymeleaf.dom.Node;
import org.thymeleaf.processor.element.AbstractMarkupSubstitutionElementProcessor;

/**
 * {@code <blc:loyalty_loop_widget/>} in a Broadleaf 3.1 (Thymeleaf 2.1) template, typically once in
 * the layout's body: replaced by the rewards launcher and panel for the signed-in customer (or the
 * guest invitation). Optional attributes: {@code position} (left/right), {@code accent} (hex colour),
 * {@code launcher} (text), {@code login-url} (default {@code /login}). Registered into
 * {@code blDialectProcessors} by the module's patch XML.
 */
public class LoyaltyWidgetProcessor extends AbstractMarkupSubstitutionElementProcessor {

    public LoyaltyWidgetProcessor() {
        super("loyalty_loop_widget");
    }

    @Override
    public int getPrecedence() {
        return 10000;
    }

    @Override
    protected List<Node> getMarkupSubstitutes(Arguments arguments, Element element) {
        WidgetMarkup markup = new WidgetMarkup()
                .position(element.getAttributeValue("position"))
                .accent(element.getAttributeValue("accent"))
                .launcher(element.getAttributeValue("launcher"))
                .loginUrl(element.getAttributeValue("login-url"))
                .locale(arguments.getContext().getLocale());
        if (arguments.getContext() instanceof IWebContext) {
            HttpServletRequest request = ((IWebContext) arguments.getContext()).getHttpServletRequest();
            markup.contextPath(request.getContextPath()).customerId(SignedInCustomer.id(request));
        }
        return Collections.<Node>singletonList(new Macro(markup.html()));
    }
}
