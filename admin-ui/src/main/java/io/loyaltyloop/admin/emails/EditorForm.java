package io.loyaltyloop.admin.emails;

import java.util.List;
import java.util.Map;

/**
 * The editor's three fields as typed, and the problems of each ({@code subject}, {@code html},
 * {@code text}). Absent fields count as empty: the template then says what is missing.
 */
public record EditorForm(String subject, String html, String text, Map<String, List<String>> errors) {

    static EditorForm of(String subject, String html, String text) {
        return new EditorForm(orEmpty(subject), orEmpty(html), orEmpty(text), Map.of());
    }

    static EditorForm of(EmailTemplateEditor.Draft template) {
        return of(template.subject(), template.html(), template.text());
    }

    EmailTemplateEditor.Draft draft() {
        return new EmailTemplateEditor.Draft(subject, html, text);
    }

    EditorForm withErrors(Map<String, List<String>> problems) {
        return new EditorForm(subject, html, text, Map.copyOf(problems));
    }

    /** For the template: the problems of one field, none when it is fine. */
    public List<String> errorsOf(String field) {
        return errors.getOrDefault(field, List.of());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
