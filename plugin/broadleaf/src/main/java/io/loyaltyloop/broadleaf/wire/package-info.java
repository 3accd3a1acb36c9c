/** The signed HTTP wire between the site and the Loyalty Loop backend (contract version 1). */
package io.loyaltyloop.broadleaf.wire;
