/** The backend side of the points ledger: its scheduled jobs. */
package io.loyaltyloop.loyalty;
