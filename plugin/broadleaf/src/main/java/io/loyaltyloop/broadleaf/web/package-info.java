/** The site's {@code /loyalty-loop/*} endpoints: backend → site calls and the storefront pass-through. */
package io.loyaltyloop.broadleaf.web;
