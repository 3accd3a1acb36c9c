/**
 * The historical order import: a bulk operation started on install, its result file read and
 * applied when Shopify says it finished.
 */
package io.loyaltyloop.shopify.importing;
