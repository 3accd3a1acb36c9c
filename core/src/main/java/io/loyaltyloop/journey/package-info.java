/** The post-purchase journey: which messages each order's customer gets, and when. */
package io.loyaltyloop.journey;
