package io.loyaltyloop.shopify.importing;

/**
 * What one pass over an import file did.
 *
 * @param ordersRead orders (root objects) read from the file, malformed ones included
 * @param applied events the engine applied
 * @param rejected events the engine refused, plus lines and orders that could not be mapped
 * @param skipped events the engine already had (a re-run of the same file)
 */
record ImportCounts(long ordersRead, long applied, long rejected, long skipped) {}
