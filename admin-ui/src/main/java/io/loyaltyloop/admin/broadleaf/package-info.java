/**
 * The standalone admin's "Broadleaf connection" page: a Broadleaf site's OWNER sees the site id and
 * URL the backend knows and rotates the shared secret, the new one shown once.
 */
package io.loyaltyloop.admin.broadleaf;
