/** One-click NPS and CSAT surveys sent after delivery, and their answers. */
package io.loyaltyloop.survey;
