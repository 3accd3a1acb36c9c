/**
 * The Activity screen: the shop's audit log (who did what in the admin, newest first, filtered and
 * paged), and delivery health — webhooks arriving from Shopify, emails leaving, reward codes being
 * issued — through the {@link io.loyaltyloop.admin.activity.DeliveryHealth} port, with the OWNER's
 * retry of parked webhooks.
 */
package io.loyaltyloop.admin.activity;
