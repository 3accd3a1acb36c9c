/** The backend's cross-cutting wiring: database selection, the engine's beans, operator commands. */
package io.loyaltyloop.system;
