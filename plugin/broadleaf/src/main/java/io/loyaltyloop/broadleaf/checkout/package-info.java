/** The checkout hook: each submitted order becomes one {@code order.submitted} outbox row. */
package io.loyaltyloop.broadleaf.checkout;
