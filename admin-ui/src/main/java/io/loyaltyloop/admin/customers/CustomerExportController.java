package io.loyaltyloop.admin.customers;

import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.privacy.DataExport;
import io.loyaltyloop.privacy.PrivacyService;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The GDPR export of one customer, as a download. {@link PrivacyService} answers data requests by
 * storing the export under the request's id, so each click is a data request of its own ({@code
 * admin-<uuid>}): the export is stored like the host's requests, then read back and sent. A POST,
 * because it writes that row and hands out personal data: OWNERs only, with the CSRF token.
 */
@Controller
class CustomerExportController {

    private final CustomerRepository customers;
    private final PrivacyService privacy;
    private final AuditLog audit;

    CustomerExportController(CustomerRepository customers, PrivacyService privacy, DSLContext dsl) {
        this.customers = customers;
        this.privacy = privacy;
        this.audit = new AuditLog(dsl);
    }

    @PostMapping("/admin/customers/{externalId}/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AdminUser user, @PathVariable String externalId) {
        customers
                .find(user.shop(), externalId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such customer"));
        String requestId = "admin-" + UUID.randomUUID();
        privacy.exportCustomerData(user.shop(), requestId, externalId);
        DataExport export = privacy.findExport(user.shop(), requestId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.GONE, "the shop's data was erased"));
        audit.record(
                user.shop(), user.actor(), "customer.exported", "customer:" + externalId, Map.of("request", requestId));
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
