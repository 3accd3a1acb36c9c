/**
 * The host's privacy requests: a customer's data exported for the merchant, and a whole shop erased
 * after it uninstalled. Erasing one customer's personal data is a lifecycle event ({@code
 * CustomerRedacted}), applied by the engine like any other.
 */
package io.loyaltyloop.privacy;
