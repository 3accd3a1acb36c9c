/** The backend side of the points ledger: its scheduled jobs and the ledger operator command. */
package io.loyaltyloop.loyalty;
