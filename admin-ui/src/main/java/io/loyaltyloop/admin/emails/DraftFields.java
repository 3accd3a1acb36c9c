package io.loyaltyloop.admin.emails;

/**
 * The editor's fields as posted (save, check, preview, test send), bound from the request's
 * parameters; any may be missing.
 */
record DraftFields(String subject, String html, String text) {

    EditorForm form() {
        return EditorForm.of(subject, html, text);
    }
}
