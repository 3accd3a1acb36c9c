package io.loyaltyloop.broadleaf.site;

import io.loyaltyloop.shop.Shop;
import java.net.URI;

/**
 * A registered Broadleaf site.
 *
 * @param shop the tenant; its platform key is the site id
 * @param baseUrl where the backend calls the site, without a trailing slash
 */
public record Site(Shop shop, URI baseUrl) {

    public String siteId() {
        return shop.platformShopKey();
    }
}
