/** Emails: merchant-editable Liquid templates, the outbox, SMTP delivery, and unsubscribing. */
package io.loyaltyloop.email;
