package io.loyaltyloop.broadleaf.reward;

import io.loyaltyloop.broadleaf.outbox.LoyaltyOutbox;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import org.broadleafcommerce.core.offer.dao.OfferCodeDao;
import org.broadleafcommerce.core.offer.dao.OfferDao;
import org.broadleafcommerce.core.offer.domain.Offer;
import org.broadleafcommerce.core.offer.domain.OfferCode;
import org.broadleafcommerce.core.offer.domain.OfferRule;
import org.broadleafcommerce.core.offer.domain.OfferRuleImpl;
import org.broadleafcommerce.core.offer.service.OfferService;
import org.broadleafcommerce.core.offer.service.type.OfferDeliveryType;
import org.broadleafcommerce.core.offer.service.type.OfferDiscountType;
import org.broadleafcommerce.core.offer.service.type.OfferRuleType;
import org.broadleafcommerce.core.offer.service.type.OfferType;
import org.broadleafcommerce.profile.core.service.CustomerService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues a redeemed reward as a Broadleaf {@link Offer} (delivery type CODE, one use per customer,
 * a customer rule naming that customer) with one single-use {@link OfferCode}, through
 * {@link OfferService} in one {@code blTransactionManager} transaction. {@code loyalty_offer_code}
 * remembers which redemption got which code, which makes the call idempotent per redemption.
 */
public class OfferCodeIssuer {

    /** How an issue request ended. */
    public enum Outcome {
        CREATED,
        ALREADY_ISSUED,
        CODE_TAKEN,
        UNKNOWN_CUSTOMER
    }

    /** The outcome and the code the redemption holds (null unless CREATED or ALREADY_ISSUED). */
    public static final class Result {
        private final Outcome outcome;
        private final String code;

        Result(Outcome outcome, String code) {
            this.outcome = outcome;
            this.code = code;
        }

        public Outcome outcome() {
            return outcome;
        }

        public String code() {
            return code;
        }
    }

    private final OfferService offerService;
    private final OfferDao offerDao;
    private final OfferCodeDao offerCodeDao;
    private final CustomerService customerService;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    public OfferCodeIssuer(
            OfferService offerService,
            OfferDao offerDao,
            OfferCodeDao offerCodeDao,
            CustomerService customerService,
            PlatformTransactionManager transactionManager,
            LoyaltyOutbox outbox) {
        this.offerService = offerService;
        this.offerDao = offerDao;
        this.offerCodeDao = offerCodeDao;
        this.customerService = customerService;
        this.transaction = new TransactionTemplate(transactionManager);
        this.jdbc = new JdbcTemplate(outbox.dataSource());
    }

    public Result issue(final OfferCodeRequest request) {
        try {
            return transaction.execute(new TransactionCallback<Result>() {
                @Override
                public Result doInTransaction(TransactionStatus status) {
                    return issueInTransaction(request);
                }
            });
        } catch (DataIntegrityViolationException raced) {
            // The same redemption (or code) was issued concurrently: the row now tells which.
            Result again = existing(request);
            if (again == null) {
                throw raced;
            }
            return again;
        }
    }

    private Result issueInTransaction(OfferCodeRequest request) {
        Result existing = existing(request);
        if (existing != null) {
            return existing;
        }
        if (offerService.lookupOfferCodeByCode(request.code()) != null) {
            return new Result(Outcome.CODE_TAKEN, null);
        }
        if (customerService.readCustomerById(request.customerId()) == null) {
            return new Result(Outcome.UNKNOWN_CUSTOMER, null);
        }
        Offer offer = offerDao.create();
        offer.setName(request.rewardName());
        offer.setDescription("Loyalty Loop redemption " + request.redemptionId());
        offer.setType(
                request.kind() == OfferCodeRequest.Kind.FREE_SHIPPING ? OfferType.FULFILLMENT_GROUP : OfferType.ORDER);
        offer.setDiscountType(
                request.kind() == OfferCodeRequest.Kind.AMOUNT_OFF
                        ? OfferDiscountType.AMOUNT_OFF
                        : OfferDiscountType.PERCENT_OFF);
        offer.setValue(request.value());
        offer.setDeliveryType(OfferDeliveryType.CODE);
        offer.setStartDate(new Date(System.currentTimeMillis() - 60_000L));
        offer.setMaxUsesPerCustomer(1L);
        offer.setCombinableWithOtherOffers(true);
        offer.setAutomaticallyAdded(false);
        OfferRule onlyThisCustomer = new OfferRuleImpl();
        onlyThisCustomer.setMatchRule("customer.id == " + request.customerId());
        if (offer.getOfferMatchRules() == null) {
            offer.setOfferMatchRules(new HashMap<String, OfferRule>());
        }
        offer.getOfferMatchRules().put(OfferRuleType.CUSTOMER.getType(), onlyThisCustomer);
        offer = offerService.save(offer);
        OfferCode code = offerCodeDao.create();
        code.setOffer(offer);
        code.setOfferCode(request.code());
        code.setMaxUses(1);
        code = offerService.saveOfferCode(code);
        jdbc.update(
                "insert into loyalty_offer_code (redemption_id, code, offer_code_id, customer_id, created_at)"
                        + " values (?, ?, ?, ?, ?)",
                request.redemptionId(),
                request.code(),
                code.getId(),
                request.customerId(),
                new java.sql.Timestamp(System.currentTimeMillis()));
        return new Result(Outcome.CREATED, request.code());
    }

    /** What this redemption already holds, or CODE_TAKEN when the code belongs to another one. */
    private Result existing(OfferCodeRequest request) {
        List<String> issued = jdbc.queryForList(
                "select code from loyalty_offer_code where redemption_id = ?", String.class, request.redemptionId());
        if (!issued.isEmpty()) {
            return new Result(Outcome.ALREADY_ISSUED, issued.get(0));
        }
        List<String> owner = jdbc.queryForList(
                "select redemption_id from loyalty_offer_code where code = ?", String.class, request.code());
        return owner.isEmpty() ? null : new Result(Outcome.CODE_TAKEN, null);
    }
}
