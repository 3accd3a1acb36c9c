package io.loyaltyloop.broadleaf.issuing;

import io.loyaltyloop.broadleaf.site.BroadleafSites;
import io.loyaltyloop.broadleaf.site.Site;
import io.loyaltyloop.broadleaf.site.SiteCaller;
import io.loyaltyloop.reward.Redemption;
import io.loyaltyloop.reward.Reward;
import io.loyaltyloop.reward.RewardService;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.sync.PermanentIssueFailure;
import io.loyaltyloop.shopify.sync.RewardCodeChannel;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A redemption of a Broadleaf site as an offer code the site creates: {@code POST
 * {site}/loyalty-loop/offer-codes}, signed with the site's current secret. The site answers the same
 * code for a repeated redemption id, so a retry after a lost answer creates nothing new.
 *
 * <p>Outcomes as the contract says: 200 issued; 401, 408, 429, 5xx, other statuses, timeouts and
 * connection failures transient (the issuer retries with backoff); any other 4xx — a bad body, the
 * code taken by another redemption — permanent (the points go back).
 */
@Component
class OfferCodeChannel implements RewardCodeChannel {

    static final String PATH = "/loyalty-loop/offer-codes";

    private final BroadleafSites sites;
    private final SiteCaller caller;
    private final RewardService rewards;
    private final ObjectMapper json;

    OfferCodeChannel(BroadleafSites sites, SiteCaller caller, RewardService rewards, ObjectMapper json) {
        this.sites = sites;
        this.caller = caller;
        this.rewards = rewards;
        this.json = json;
    }

    @Override
    public Platform platform() {
        return Platform.BROADLEAF;
    }

    @Override
    public String issue(Shop shop, Redemption redemption) {
        Site site = sites.find(shop.id())
                .orElseThrow(() -> new PermanentIssueFailure("the shop is not a registered Broadleaf site"));
        byte[] body = json.writeValueAsBytes(request(shop, redemption));
        HttpResponse<String> response;
        try {
            response = caller.post(site, PATH, body);
        } catch (IOException e) {
            throw new SiteUnavailableException("the site did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SiteUnavailableException("interrupted while calling the site", e);
        }
        return outcome(response, redemption.discountCode());
    }

    private String outcome(HttpResponse<String> response, String code) {
        int status = response.statusCode();
        if (status == 200) {
            String answered = answeredCode(response.body());
            if (!code.equals(answered)) {
                throw new PermanentIssueFailure("the site answered code " + answered + " for " + code);
            }
            return code;
        }
        String detail = "the site answered " + status + problemCode(response.body());
        if (SiteCaller.isPermanentRefusal(status)) {
            throw new PermanentIssueFailure("the site refused the offer code: " + detail);
        }
        throw new SiteUnavailableException(detail, null);
    }

    private Map<String, Object> request(Shop shop, Redemption redemption) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("redemptionId", Long.toString(redemption.id()));
        body.put("customerId", redemption.externalCustomerId());
        body.put("code", redemption.discountCode());
        body.put(
                "kind",
                switch (redemption.kind()) {
                    case FIXED_AMOUNT -> "AMOUNT_OFF";
                    case PERCENTAGE -> "PERCENT_OFF";
                    case FREE_SHIPPING -> "FREE_SHIPPING";
                });
        BigDecimal value = redemption.discountValue() == null ? BigDecimal.ZERO : redemption.discountValue();
        body.put("value", value.setScale(2, RoundingMode.HALF_UP).toPlainString());
        body.put("currency", shop.currency().getCurrencyCode());
        body.put("rewardName", rewardName(shop, redemption));
        return body;
    }

    /** The reward's name as the customer saw it; a reward deactivated since is named by its kind. */
    private String rewardName(Shop shop, Redemption redemption) {
        return rewards.rewards(shop.id()).stream()
                .filter(r -> r.id() == redemption.rewardId())
                .map(Reward::name)
                .findFirst()
                .orElse("Loyalty reward");
    }

    private String answeredCode(String body) {
        try {
            JsonNode answer = json.readTree(body);
            return answer.path("code").isString() ? answer.path("code").asString() : null;
        } catch (JacksonException e) {
            throw new SiteUnavailableException("the site's answer is not JSON", e);
        }
    }

    private String problemCode(String body) {
        try {
            JsonNode answer = json.readTree(body);
            return answer != null && answer.path("code").isString()
                    ? " (" + answer.path("code").asString() + ")"
                    : "";
        } catch (JacksonException e) {
            return "";
        }
    }
}
