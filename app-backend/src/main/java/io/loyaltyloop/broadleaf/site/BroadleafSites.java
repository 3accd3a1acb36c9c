package io.loyaltyloop.broadleaf.site;

import io.loyaltyloop.broadleaf.BroadleafProperties;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.system.AccessTokenCipher;
import io.loyaltyloop.system.Transactions;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Broadleaf sites: registering one (a BROADLEAF shop plus its URL and a secret the backend
 * generates), finding one by site id, its secrets for signing and verifying, and rotating them.
 *
 * <p>Invariant: a secret is only ever stored encrypted (AES-GCM, the shop id as associated data);
 * the plaintext leaves this class only as the return value of {@link #register} and {@link
 * #rotate}, for the caller to show once.
 */
@Component
public class BroadleafSites {

    /** The contract's site id: lower-case, 3 to 64 characters. */
    public static final Pattern SITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

    /** How long the secret before a rotation is still accepted. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private final ShopService shops;
    private final SiteRepository sites;
    private final AccessTokenCipher cipher;
    private final Transactions transactions;
    private final boolean allowHttp;
    private final Clock clock;

    BroadleafSites(DSLContext dsl, ShopService shops, BroadleafProperties properties, Clock clock) {
        this.shops = shops;
        this.sites = new SiteRepository(dsl);
        this.cipher = AccessTokenCipher.fromBase64(properties.secretKey());
        this.transactions = new Transactions(dsl);
        this.allowHttp = properties.allowHttpSiteUrls();
        this.clock = clock;
    }

    /** A registered site and its secret in plain text, to be shown once. */
    public record Registered(Site site, String secret) {

        @Override
        public String toString() {
            return "Registered[" + site.siteId() + "]";
        }
    }

    /**
     * Registers a new site with a freshly generated secret.
     *
     * @throws InvalidSiteException for a bad id, URL, currency or time zone, or a site id already
     *     registered; nothing is written then
     */
    public Registered register(NewSite site) {
        return register(site, SiteSecrets.generate());
    }

    /** As {@link #register(NewSite)}, with a secret given by the environment (bootstrap). */
    Registered register(NewSite site, String secret) {
        String siteId = siteId(site.siteId());
        URI url = url(site.url());
        SiteSecrets.checked(secret);
        NewShop newShop;
        try {
            newShop = new NewShop(
                    Platform.BROADLEAF, siteId, site.name(), site.currency(), site.timezone(), site.ownerEmail());
        } catch (RuntimeException e) {
            throw new InvalidSiteException(e.getMessage());
        }
        requireStorage();
        return transactions.inTransaction(() -> {
            Shop shop = shops.register(newShop);
            if (!sites.insert(
                    shop.id().value(), url.toString(), cipher.encrypt(shop.id().value(), secret), now())) {
                throw new InvalidSiteException("site " + siteId + " is already registered");
            }
            return new Registered(new Site(shop, url), secret);
        });
    }

    /** The site with this id, active or not; empty for an id never registered. */
    public Optional<Site> find(String siteId) {
        return shops.findShop(Platform.BROADLEAF, siteId)
                .flatMap(shop -> sites.find(shop.id().value()).map(row -> new Site(shop, URI.create(row.baseUrl()))));
    }

    /** The site of this shop; empty when the shop is not a registered Broadleaf site. */
    public Optional<Site> find(ShopId shop) {
        Shop s = shops.getShop(shop);
        return s.platform() == Platform.BROADLEAF ? find(s.platformShopKey()) : Optional.empty();
    }

    /** The secret the backend signs its calls with. */
    public String currentSecret(ShopId shop) {
        SiteRepository.StoredSite row = stored(shop);
        return cipher.decrypt(shop.value(), row.secret());
    }

    /** The secrets a request may be signed with: the current one, and the previous one in its 24 h. */
    public List<String> acceptedSecrets(ShopId shop) {
        SiteRepository.StoredSite row = stored(shop);
        List<String> secrets = new ArrayList<>(2);
        secrets.add(cipher.decrypt(shop.value(), row.secret()));
        if (row.previousSecret() != null && now().isBefore(row.previousValidUntil())) {
            secrets.add(cipher.decrypt(shop.value(), row.previousSecret()));
        }
        return secrets;
    }

    /**
     * When the secret was last set, and until when the one before is accepted (null when there is
     * none, or its 24 hours are over).
     */
    public record SecretDates(Instant rotatedAt, Instant previousValidUntil) {}

    public SecretDates secretDates(ShopId shop) {
        SiteRepository.StoredSite row = stored(shop);
        Instant previous = row.previousValidUntil();
        return new SecretDates(row.rotatedAt(), previous != null && now().isBefore(previous) ? previous : null);
    }

    /** A new secret, returned once; the current one stays valid for {@link #ROTATION_OVERLAP}. */
    public String rotate(ShopId shop) {
        requireStorage();
        String secret = SiteSecrets.generate();
        SiteRepository.StoredSite row = stored(shop);
        Instant now = now();
        sites.rotate(shop.value(), cipher.encrypt(shop.value(), secret), row.secret(), now.plus(ROTATION_OVERLAP), now);
        return secret;
    }

    /**
     * Makes an environment-given site match the environment: registered if new, its URL and secret
     * replaced if they changed (the old secret then stays valid for the overlap). Idempotent.
     */
    void ensure(NewSite site, String secret) {
        Optional<Site> existing = find(siteId(site.siteId()));
        if (existing.isEmpty()) {
            register(site, secret);
            return;
        }
        ShopId shop = existing.get().shop().id();
        URI url = url(site.url());
        transactions.inTransaction(() -> {
            sites.updateUrl(shop.value(), url.toString());
            SiteRepository.StoredSite row = stored(shop);
            if (!cipher.decrypt(shop.value(), row.secret()).equals(SiteSecrets.checked(secret))) {
                Instant now = now();
                sites.rotate(
                        shop.value(),
                        cipher.encrypt(shop.value(), secret),
                        row.secret(),
                        now.plus(ROTATION_OVERLAP),
                        now);
            }
            return null;
        });
    }

    private SiteRepository.StoredSite stored(ShopId shop) {
        return sites.find(shop.value())
                .orElseThrow(() -> new IllegalArgumentException("shop " + shop + " is not a Broadleaf site"));
    }

    private void requireStorage() {
        if (!cipher.available()) {
            throw new InvalidSiteException(
                    "site secrets cannot be stored: set LOYALTY_TOKEN_KEY (loyalty.broadleaf.secret-key)");
        }
    }

    static String siteId(String siteId) {
        if (siteId == null || !SITE_ID.matcher(siteId).matches()) {
            throw new InvalidSiteException(
                    "a site id is 3-64 characters of a-z, 0-9 and -, starting with a letter" + " or digit");
        }
        return siteId;
    }

    /** The base URL as stored: http(s), a host, no query, fragment or user info, no trailing slash. */
    private URI url(String value) {
        URI uri;
        try {
            uri = new URI(value == null ? "" : value.trim());
        } catch (URISyntaxException e) {
            throw new InvalidSiteException("the site URL is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeOk = scheme.equals("https") || (allowHttp && scheme.equals("http"));
        if (!schemeOk
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new InvalidSiteException(
                    allowHttp
                            ? "the site URL must be http(s)://host[/path] without query"
                            : "the site URL must be https://host[/path] without query");
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    private Instant now() {
        return clock.instant();
    }
}
