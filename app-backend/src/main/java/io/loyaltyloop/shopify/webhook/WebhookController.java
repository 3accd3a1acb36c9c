package io.loyaltyloop.shopify.webhook;

import io.loyaltyloop.shopify.ShopifyProperties;
import io.loyaltyloop.shopify.WebhookSignature;
import io.loyaltyloop.system.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * Shopify's webhook deliveries: verify, store in the inbox, answer 200 — nothing else, because
 * Shopify gives up after 5 s and retries. The worker does the rest from the inbox.
 *
 * <p>The body is read as raw bytes from the request, never bound to a DTO, because the HMAC is over
 * the exact bytes sent. Checks run cheapest and least trusting first: method, configuration,
 * content type, declared size, headers, then the bounded read, the signature, and only after the
 * signature the topic's endpoint and the JSON syntax — so that on the compliance endpoint any
 * forged request gets 401, whatever else is wrong with it, as Shopify's review checks.
 */
@RestController
public class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    static final String TOPIC = "X-Shopify-Topic";
    static final String HMAC = "X-Shopify-Hmac-Sha256";
    static final String SHOP_DOMAIN = "X-Shopify-Shop-Domain";
    static final String API_VERSION = "X-Shopify-API-Version";
    static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";
    static final String EVENT_ID = "X-Shopify-Event-Id";
    public static final String TRIGGERED_AT = "X-Shopify-Triggered-At";

    private static final Pattern SHOP = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]*\\.myshopify\\.com");
    private static final Pattern TOPIC_SHAPE = Pattern.compile("[a-z_]+/[a-z_]+");
    // Event ids are numeric today; anything printable up to the column's limit is kept as text.
    private static final Pattern EVENT_ID_SHAPE = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Pattern OPTIONAL_SHAPE = Pattern.compile("[\\x20-\\x7e]{0,255}");

    private final ShopifyProperties properties;
    private final WebhookSignature signature;
    private final InboxRepository inbox;
    private final ObjectMapper json;

    WebhookController(ShopifyProperties properties, InboxRepository inbox, ObjectMapper json) {
        this.properties = properties;
        this.signature = properties.configured() ? new WebhookSignature(properties.webhookSecrets()) : null;
        this.inbox = inbox;
        this.json = json;
        if (signature == null) {
            log.info("Shopify is not configured (SHOPIFY_API_SECRET is unset): webhooks will be answered 503");
        }
    }

    @PostMapping("/webhooks")
    ResponseEntity<Void> events(HttpServletRequest request) throws IOException {
        return receive(WebhookEndpoint.EVENTS, request);
    }

    @PostMapping("/webhooks/compliance")
    ResponseEntity<Void> compliance(HttpServletRequest request) throws IOException {
        return receive(WebhookEndpoint.COMPLIANCE, request);
    }

    /** Any other method: Shopify only ever POSTs. */
    @RequestMapping({"/webhooks", "/webhooks/compliance"})
    ResponseEntity<ProblemDetail> otherMethods(HttpServletRequest request) {
        throw new Rejected(
                HttpStatus.METHOD_NOT_ALLOWED, "Webhooks are delivered with POST, not " + request.getMethod() + ".");
    }

    private ResponseEntity<Void> receive(WebhookEndpoint endpoint, HttpServletRequest request) throws IOException {
        if (signature == null) {
            throw new Rejected(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Shopify is not configured: this backend has no app secret (SHOPIFY_API_SECRET) to verify"
                            + " webhooks with.");
        }
        requireJson(request.getContentType());
        long limit = properties.maxWebhookBody().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        String topic = required(request, TOPIC);
        String hmac = required(request, HMAC);
        String shopDomain = required(request, SHOP_DOMAIN);
        String eventId = required(request, EVENT_ID);
        if (!TOPIC_SHAPE.matcher(topic).matches()) {
            throw new Rejected(HttpStatus.BAD_REQUEST, TOPIC + " is not a webhook topic.");
        }
        if (!SHOP.matcher(shopDomain).matches()) {
            throw new Rejected(HttpStatus.BAD_REQUEST, SHOP_DOMAIN + " is not a *.myshopify.com domain.");
        }
        if (!EVENT_ID_SHAPE.matcher(eventId).matches()) {
            throw new Rejected(HttpStatus.BAD_REQUEST, EVENT_ID + " must be 1 to 255 printable characters.");
        }

        byte[] body = RequestBodies.readAtMost(request.getInputStream(), limit).orElseThrow(() -> tooLarge(limit));
        if (!signature.matches(body, hmac)) {
            throw new Rejected(HttpStatus.UNAUTHORIZED, HMAC + " does not match the body.");
        }
        if (!endpoint.accepts(topic)) {
            throw new Rejected(
                    HttpStatus.BAD_REQUEST, "Topic " + topic + " is not delivered to " + request.getRequestURI() + ".");
        }
        String payload = jsonObject(body);

        WebhookDelivery delivery = new WebhookDelivery(
                // Domains are case-insensitive; one spelling keeps a retry from looking like a new delivery.
                shopDomain.toLowerCase(Locale.ROOT),
                topic,
                eventId,
                optional(request, WEBHOOK_ID),
                optional(request, API_VERSION),
                triggeredAt(request),
                payload);
        if (inbox.store(delivery) == InboxRepository.Stored.DUPLICATE) {
            log.debug("Duplicate webhook {} {} {}", shopDomain, topic, eventId);
        }
        return ResponseEntity.ok().build();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(Rejected rejection, HttpServletRequest request) {
        log.warn(
                "Rejected webhook {} {}: {} (shop {}, topic {})",
                request.getMethod(),
                request.getRequestURI(),
                rejection.getMessage(),
                printable(request.getHeader(SHOP_DOMAIN)),
                printable(request.getHeader(TOPIC)));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(rejection.status, rejection.getMessage());
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(rejection.status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (rejection.status == HttpStatus.METHOD_NOT_ALLOWED) {
            response.header(HttpHeaders.ALLOW, "POST");
        }
        return response.body(problem);
    }

    private static void requireJson(String contentType) {
        if (!RequestBodies.isJson(contentType)) {
            throw new Rejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Webhooks must be sent as application/json.");
        }
    }

    private static Rejected tooLarge(long limit) {
        return new Rejected(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + limit + " bytes.");
    }

    /** The body as text, exactly as signed, once it is known to be one JSON object in UTF-8. */
    private String jsonObject(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Rejected(HttpStatus.BAD_REQUEST, "The body is not UTF-8.");
        }
        // Syntax only: streaming through the tokens builds nothing; the worker maps the payload.
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new Rejected(HttpStatus.BAD_REQUEST, "The body is not a JSON object.");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new Rejected(HttpStatus.BAD_REQUEST, "The body has content after its JSON object.");
            }
        } catch (JacksonException e) {
            throw new Rejected(HttpStatus.BAD_REQUEST, "The body is not valid JSON.");
        }
        return text;
    }

    private static String required(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            throw new Rejected(HttpStatus.BAD_REQUEST, "The " + header + " header is missing.");
        }
        return value.trim();
    }

    private static String optional(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank() || !OPTIONAL_SHAPE.matcher(value).matches()) {
            return null;
        }
        return value.trim();
    }

    /**
     * Informational only: an unreadable value is dropped rather than refused, since refusing would
     * make Shopify retry the same delivery with the same header until it gives up.
     */
    private static Instant triggeredAt(HttpServletRequest request) {
        String value = optional(request, TRIGGERED_AT);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            log.warn("Unreadable {} header kept out of the inbox: {}", TRIGGERED_AT, printable(value));
            return null;
        }
    }

    /** Header values in log lines: no line breaks or control characters, bounded length. */
    private static String printable(String value) {
        if (value == null) {
            return "-";
        }
        String cleaned = value.replaceAll("[^\\x20-\\x7e]", "?");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) + "…" : cleaned;
    }

    /** A refused delivery: its status and the detail the caller gets. */
    static final class Rejected extends RuntimeException {

        private final HttpStatus status;

        Rejected(HttpStatus status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }
    }
}
