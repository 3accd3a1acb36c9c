/** The backend's cross-cutting wiring: database selection and the engine's beans. */
package io.loyaltyloop.system;
