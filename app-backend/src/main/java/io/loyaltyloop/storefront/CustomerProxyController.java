package io.loyaltyloop.storefront;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /proxy/customer}: the signed-in customer's program state, or a guest's, reached from
 * the storefront through Shopify's app proxy ({@code /apps/loyalty/…}).
 */
@RestController
class CustomerProxyController {

    private final StorefrontRequests requests;
    private final StorefrontState state;

    CustomerProxyController(StorefrontRequests requests, StorefrontState state) {
        this.requests = requests;
        this.state = state;
    }

    @GetMapping("/proxy/customer")
    ResponseEntity<ProgramState> customer(HttpServletRequest request) {
        StorefrontRequests.Verified verified = requests.verifyKeptProgram(request);
        return ProxyResponses.ok(state.ofInstalled(verified.program(), verified.customerId()));
    }
}
