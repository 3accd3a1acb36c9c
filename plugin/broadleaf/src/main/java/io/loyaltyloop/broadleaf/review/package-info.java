/** Reviews approved in Loyalty Loop, written into Broadleaf's own ratings so product pages show them. */
package io.loyaltyloop.broadleaf.review;
