package io.loyaltyloop.demo;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /demo/mail}: what the backend sent, newest first, and {@code /demo/mail/{n}}: one message
 * as the recipient would see it. Registered by {@link DemoWiring} only, so it exists in the demo and
 * never in the production jar. Open to anyone who reaches the demo's port, like the rest of it.
 */
@RestController
class MailboxController {

    static final String PATH = "/demo/mail";

    private final DemoMailbox mailbox;

    MailboxController(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    String list() {
        List<MimeMessage> messages = mailbox.messages();
        StringBuilder rows = new StringBuilder();
        for (int i = messages.size() - 1; i >= 0; i--) {
            MimeMessage m = messages.get(i);
            rows.append("<tr><td>%d</td><td>%s</td><td><a href=\"%s/%d\">%s</a></td></tr>\n"
                    .formatted(i + 1, escape(DemoMailbox.recipients(m)), PATH, i + 1, escape(DemoMailbox.subject(m))));
        }
        return page(
                "Demo mailbox",
                "<h1>Demo mailbox</h1><p>%d messages, newest first. Reload to see new ones.</p>"
                                .formatted(messages.size())
                        + "<table><tr><th>#</th><th>To</th><th>Subject</th></tr>\n" + rows + "</table>");
    }

    @GetMapping(path = PATH + "/{number}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> message(@PathVariable String number) {
        List<MimeMessage> messages = mailbox.messages();
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .contentType(MediaType.TEXT_HTML)
                    .body(page("Not a message", "<p>Message numbers are whole numbers.</p>"));
        }
        if (n < 1 || n > messages.size()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.TEXT_HTML)
                    .body(page("No such message", "<p>No message " + n + ". <a href=\"" + PATH + "\">Back</a></p>"));
        }
        MimeMessage m = messages.get(n - 1);
        // The backend's own HTML, shown as sent: it is what the customer's mail client renders.
        String body = DemoMailbox.html(m)
                .orElseGet(() -> "<pre>" + escape(DemoMailbox.text(m).orElse("")) + "</pre>");
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .body("<p style=\"font-family:sans-serif\"><a href=\"" + PATH + "\">&larr; mailbox</a> · To: "
                        + escape(DemoMailbox.recipients(m)) + " · <b>" + escape(DemoMailbox.subject(m))
                        + "</b></p><hr>" + body);
    }

    private static String page(String title, String content) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;"
                + "text-align:left;border-bottom:1px solid #ddd}</style></head><body>" + content + "</body></html>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
