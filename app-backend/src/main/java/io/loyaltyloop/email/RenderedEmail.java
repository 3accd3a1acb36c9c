package io.loyaltyloop.email;

/** One email as it will be sent: a one-line subject, the complete HTML document, and plain text. */
public record RenderedEmail(String subject, String html, String text) {}
