/**
 * The Emails screen: every kind of email with its on/off switch, and the template editor with a live
 * preview on sample data, save, reset and test send, through the {@link
 * io.loyaltyloop.admin.emails.EmailTemplateEditor} port that app-backend implements.
 */
package io.loyaltyloop.admin.emails;
