/** The public Java API the merchant's order management calls: shipments, cancellations, refunds, customers. */
package io.loyaltyloop.broadleaf.oms;
