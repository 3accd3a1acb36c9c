package io.loyaltyloop.admin.customers;

import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.access.SignedLinks;
import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.privacy.DataExport;
import io.loyaltyloop.privacy.PrivacyService;
import io.loyaltyloop.shop.ShopId;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The GDPR export of one customer, as a download. {@link PrivacyService} answers data requests by
 * storing the export under the request's id, so each click is a data request of its own ({@code
 * admin-<uuid>}): the export is stored like the host's requests, then read back and sent. A POST,
 * because it writes that row and hands out personal data: OWNERs only, with the CSRF token.
 *
 * <p>Embedded in Shopify admin a download is a plain navigation, which carries no session token. So
 * there the POST (htmx, with the token) makes the export and answers a signed link to it, valid {@link
 * #LINK_VALIDITY} and naming the shop and the request; htmx opens it ({@code HX-Redirect}). The link
 * authorizes only that one export of that one shop, and only reads.
 */
@Controller
class CustomerExportController {

    static final String DOWNLOADS = "/admin/customers/exports/";
    static final Duration LINK_VALIDITY = Duration.ofMinutes(5);
    private static final String PURPOSE = "admin-customer-export";

    private final CustomerRepository customers;
    private final PrivacyService privacy;
    private final AuditLog audit;
    private final Optional<SignedLinks> links;
    private final Clock clock;

    CustomerExportController(
            CustomerRepository customers,
            PrivacyService privacy,
            DSLContext dsl,
            Optional<SignedLinks> links,
            Clock clock) {
        this.customers = customers;
        this.privacy = privacy;
        this.audit = new AuditLog(dsl);
        this.links = links;
        this.clock = clock;
    }

    @PostMapping("/admin/customers/{externalId}/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AdminUser user, @PathVariable String externalId) {
        // Found a moment ago: gone now means the shop's data was erased in between.
        return download(user.shop(), exportNow(user, externalId), externalId, HttpStatus.GONE);
    }

    @PostMapping("/admin/customers/{externalId}/export-link")
    String exportLink(
            @AuthenticationPrincipal AdminUser user,
            @PathVariable String externalId,
            Model model,
            HttpServletResponse response) {
        if (links.isEmpty()) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("exportUnavailable", true);
            return "admin/customer :: export-link";
        }
        String requestId = exportNow(user, externalId);
        String payload = user.shopId() + "/" + requestId + "/" + URLEncoder.encode(externalId, StandardCharsets.UTF_8);
        String link =
                DOWNLOADS + links.get().sign(PURPOSE, payload, clock.instant().plus(LINK_VALIDITY));
        response.setHeader("HX-Redirect", link);
        model.addAttribute("exportLink", link);
        return "admin/customer :: export-link";
    }

    /** The signed link's download: no session needed, the token names the shop and the export. */
    @GetMapping(DOWNLOADS + "{token}")
    ResponseEntity<byte[]> downloadByLink(@PathVariable String token) {
        String[] parts = links.flatMap(l -> l.verify(PURPOSE, token, clock.instant()))
                .map(payload -> payload.split("/", 3))
                .filter(p -> p.length == 3 && p[0].matches("\\d{1,18}"))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "not a valid download link"));
        return download(
                new ShopId(Long.parseLong(parts[0])),
                parts[1],
                URLDecoder.decode(parts[2], StandardCharsets.UTF_8),
                HttpStatus.NOT_FOUND);
    }

    private String exportNow(AdminUser user, String externalId) {
        customers
                .find(user.shop(), externalId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such customer"));
        String requestId = "admin-" + UUID.randomUUID();
        privacy.exportCustomerData(user.shop(), requestId, externalId);
        audit.record(
                user.shop(), user.actor(), "customer.exported", "customer:" + externalId, Map.of("request", requestId));
        return requestId;
    }

    private ResponseEntity<byte[]> download(ShopId shop, String requestId, String externalId, HttpStatus missing) {
        DataExport export = privacy.findExport(shop, requestId)
                .orElseThrow(() -> new ResponseStatusException(missing, "no such export"));
        ContentDisposition attachment = ContentDisposition.attachment()
                .filename("customer-" + externalId.replaceAll("[^A-Za-z0-9._-]", "_") + "-data.json")
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(export.json().getBytes(StandardCharsets.UTF_8));
    }
}
