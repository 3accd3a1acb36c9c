/** The audit log: who changed what in a shop's program or a customer's points, and why. */
package io.loyaltyloop.audit;
