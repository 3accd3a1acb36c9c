package io.loyaltyloop.storefront;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /proxy/rewards/{rewardId}/redeem?request_key=…}: the signed-in customer spends points
 * on a reward and gets its code. The request key is in the query so that Shopify signs it.
 */
@RestController
class RedeemProxyController {

    private final StorefrontRequests requests;
    private final StorefrontRedemptions redemptions;

    RedeemProxyController(StorefrontRequests requests, StorefrontRedemptions redemptions) {
        this.requests = requests;
        this.redemptions = redemptions;
    }

    @PostMapping("/proxy/rewards/{rewardId}/redeem")
    ResponseEntity<StorefrontRedemptions.Redeemed> redeem(@PathVariable String rewardId, HttpServletRequest request) {
        // The signature first: nothing is read or written for an unsigned call.
        StorefrontRequests.Verified verified = requests.verify(request);
        long id = rewardId(rewardId);
        return ProxyResponses.ok(
                redemptions.redeem(verified.shop(), verified.customerId(), id, verified.parameter("request_key")));
    }

    static long rewardId(String value) {
        if (!value.matches("\\d{1,18}")) {
            throw new ProxyProblem(HttpStatus.NOT_FOUND, "unknown-reward", "no reward " + value);
        }
        return Long.parseLong(value);
    }
}
