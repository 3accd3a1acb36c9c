package io.loyaltyloop.broadleaf.site;

/**
 * What an operator tells us about a site when registering it.
 *
 * @param ownerEmail the merchant's address: the shop's contact address; may be null
 */
public record NewSite(String siteId, String name, String url, String currency, String timezone, String ownerEmail) {}
