package io.loyaltyloop.email;

/**
 * The Liquid source of one email: subject line, HTML body (what goes inside the shipped layout) and
 * plain-text body.
 */
public record TemplateParts(String subject, String html, String text) {}
