package io.loyaltyloop.email;

import io.loyaltyloop.journey.StepKind;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The email templates of a shop: the shipped default per kind, the merchant's own version of any
 * part of it, and whether the kind is sent at all. The merchant edits the subject, the HTML body
 * (inside the shipped layout, which always carries the unsubscribe link) and the text body; every
 * edit is validated first ({@link #validate}).
 */
@Service
public class EmailTemplates {

    private static final Logger log = LoggerFactory.getLogger(EmailTemplates.class);

    private final EmailTemplateRepository repository;
    private final DefaultTemplates defaults;
    private final TemplateRenderer renderer;
    private final ShopService shops;
    private final Clock clock;

    EmailTemplates(
            EmailTemplateRepository repository,
            DefaultTemplates defaults,
            TemplateRenderer renderer,
            ShopService shops,
            Clock clock) {
        this.repository = repository;
        this.defaults = defaults;
        this.renderer = renderer;
        this.shops = shops;
        this.clock = clock;
    }

    /**
     * The problems that keep {@code parts} from being saved for {@code kind}, one sentence each,
     * naming the part: syntax errors with their line, a template or output over the size limits,
     * loops that run too long, nesting too deep, includes (not available). Empty when it is fine;
     * unknown variables are fine (they render as nothing).
     */
    public List<String> validate(StepKind kind, TemplateParts parts) {
        return renderer.validate(parts, sampleRequest(null, kind, Locale.US));
    }

    /** @throws InvalidTemplateException with {@link #validate}'s problems; nothing is saved then */
    public void save(ShopId shop, StepKind kind, TemplateParts parts) {
        List<String> problems = validate(kind, parts);
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException(problems);
        }
        repository.saveParts(shop, kind, parts, clock.instant());
    }

    /** Back to the shipped template (the on/off switch stays). */
    public void reset(ShopId shop, StepKind kind) {
        repository.saveParts(shop, kind, new TemplateParts(null, null, null), clock.instant());
    }

    public void setEnabled(ShopId shop, StepKind kind, boolean enabled) {
        repository.setEnabled(shop, kind, enabled, clock.instant());
    }

    public boolean isEnabled(ShopId shop, StepKind kind) {
        return repository
                .find(shop, kind)
                .map(EmailTemplateRepository.ShopTemplate::enabled)
                .orElse(true);
    }

    /** The template the shop's emails of this kind use: its own parts, the shipped ones for the rest. */
    public TemplateParts templateFor(ShopId shop, StepKind kind) {
        return repository
                .find(shop, kind)
                .map(t -> t.over(defaults.forKind(kind)))
                .orElse(defaults.forKind(kind));
    }

    /**
     * {@code parts} rendered with example values and the shop's name, currency and time zone, for the
     * admin's live preview and test sends. Validate first: this throws where {@link #validate} reports.
     *
     * @throws TemplateException if a part does not parse or goes over a limit
     */
    RenderedEmail renderSample(ShopId shop, StepKind kind, TemplateParts parts, Locale locale) {
        return renderer.render(parts, sampleRequest(shops.getShop(shop), kind, locale));
    }

    /** The shop's name, as its emails are signed. */
    String shopName(ShopId shop) {
        return shops.getShop(shop).name();
    }

    /** The shop's template of this kind rendered with example values, for the admin's live preview. */
    public RenderedEmail preview(ShopId shop, StepKind kind, Locale locale) {
        Shop s = shops.getShop(shop);
        return renderer.render(templateFor(shop, kind), sampleRequest(s, kind, locale));
    }

    /**
     * The email to send, or empty if the shop switched the kind off. A shop template that fails at
     * render time (it passed validation, but these values take it over a limit) falls back to the
     * shipped one, so the customer still gets the message; the failure is logged.
     */
    Optional<RenderedEmail> renderForSending(
            StepKind kind, RenderRequest request, ShopId shop, Optional<EmailTemplateRepository.ShopTemplate> own) {
        if (own.isPresent() && !own.get().enabled()) {
            return Optional.empty();
        }
        TemplateParts shipped = defaults.forKind(kind);
        if (own.isPresent() && own.get().overrides()) {
            try {
                return Optional.of(renderer.render(own.get().over(shipped), request));
            } catch (TemplateException e) {
                log.warn("{} template of {} failed ({}); sending the default one", kind, shop, e.getMessage());
            }
        }
        return Optional.of(renderer.render(shipped, request));
    }

    private static RenderRequest sampleRequest(Shop shop, StepKind kind, Locale locale) {
        Map<String, Object> variables = SampleVariables.forKind(kind);
        return shop == null
                ? new RenderRequest(
                        "Example shop",
                        java.util.Currency.getInstance("USD"),
                        java.time.ZoneOffset.UTC,
                        locale,
                        "https://example.com/u/example",
                        variables)
                : new RenderRequest(
                        shop.name(),
                        shop.currency(),
                        shop.timezone(),
                        locale,
                        kind.audience() == StepKind.Audience.CUSTOMER ? "https://example.com/u/example" : null,
                        variables);
    }
}
