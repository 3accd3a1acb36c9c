/** Cross-cutting pieces of the engine: transactions and their retry policy. */
package io.loyaltyloop.system;
