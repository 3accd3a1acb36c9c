/**
 * Broadleaf sites as tenants: registration (operator command, environment bootstrap), the base URL
 * and the shared secret, encrypted at rest, with a 24-hour overlap after a rotation.
 */
package io.loyaltyloop.broadleaf.site;
