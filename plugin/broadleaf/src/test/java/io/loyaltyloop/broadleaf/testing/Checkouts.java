package io.loyaltyloop.broadleaf.testing;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.broadleafcommerce.common.money.Money;
import org.broadleafcommerce.common.payment.PaymentGatewayType;
import org.broadleafcommerce.common.payment.PaymentTransactionType;
import org.broadleafcommerce.common.payment.PaymentType;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.Sku;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.broadleafcommerce.core.catalog.service.type.ProductType;
import org.broadleafcommerce.core.checkout.service.CheckoutService;
import org.broadleafcommerce.core.offer.domain.OfferCode;
import org.broadleafcommerce.core.offer.service.OfferService;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.order.service.call.OrderItemRequestDTO;
import org.broadleafcommerce.core.payment.domain.OrderPayment;
import org.broadleafcommerce.core.payment.domain.PaymentTransaction;
import org.broadleafcommerce.core.payment.service.OrderPaymentService;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.core.service.CustomerService;

/**
 * Real Broadleaf checkouts through {@code blCheckoutService} (the spike's recipe: products with a
 * default SKU, a cart, a passthrough payment captured in full, then {@code performCheckout}).
 * Kept free of assertions so a benchmark can run the same checkout with and without the module.
 */
public final class Checkouts {

    /** One cart line: a fresh product with this name and price, {@code quantity} times. */
    public record Line(String name, String price, int quantity) {}

    private Checkouts() {}

    public static Customer newCustomer() throws Exception {
        return customer(true);
    }

    /** A guest: Broadleaf's unregistered customer record behind an anonymous checkout. */
    public static Customer newGuest() throws Exception {
        return customer(false);
    }

    private static Customer customer(boolean registered) throws Exception {
        return BroadleafSite.inRequest(() -> {
            CustomerService customers = BroadleafSite.bean("blCustomerService", CustomerService.class);
            String unique = UUID.randomUUID().toString().substring(0, 8);
            Customer customer = customers.createNewCustomer();
            customer.setEmailAddress("ada-" + unique + "@example.com");
            customer.setFirstName("Ada");
            customer.setLastName("Lovelace");
            customer.setUsername("ada-" + unique);
            customer.setRegistered(registered);
            customer.setReceiveEmail(true);
            return customers.saveCustomer(customer);
        });
    }

    /** Checks out {@code lines} for {@code customer}, applying {@code offerCode} when not null. */
    public static Order checkout(Customer customer, List<Line> lines, String offerCode) throws Exception {
        return checkout(customer, lines, offerCode, Checkouts::submit);
    }

    /**
     * The same, with the last step ({@code performCheckout}, the workflow where the module's
     * activity runs) through {@code submit}, so the checkout-overhead benchmark can time it alone.
     */
    public static Order checkout(Customer customer, List<Line> lines, String offerCode, Submit submit)
            throws Exception {
        return BroadleafSite.inRequest(() -> {
            CatalogService catalog = BroadleafSite.bean("blCatalogService", CatalogService.class);
            OrderService orders = BroadleafSite.bean("blOrderService", OrderService.class);
            Order cart = orders.createNewCartForCustomer(customer);
            for (Line line : lines) {
                Product product = newProduct(catalog, line);
                cart = orders.addItem(
                        cart.getId(),
                        new OrderItemRequestDTO(
                                product.getId(), product.getDefaultSku().getId(), line.quantity()),
                        true);
            }
            if (offerCode != null) {
                OfferCode code =
                        BroadleafSite.bean("blOfferService", OfferService.class).lookupOfferCodeByCode(offerCode);
                cart = orders.addOfferCode(cart, code, true);
            }
            OrderPaymentService payments = BroadleafSite.bean("blOrderPaymentService", OrderPaymentService.class);
            OrderPayment payment = payments.create();
            payment.setType(PaymentType.THIRD_PARTY_ACCOUNT);
            payment.setPaymentGatewayType(PaymentGatewayType.PASSTHROUGH);
            payment.setAmount(cart.getTotal());
            payment.setOrder(cart);
            PaymentTransaction capture = payments.createTransaction();
            capture.setType(PaymentTransactionType.AUTHORIZE_AND_CAPTURE);
            capture.setAmount(cart.getTotal());
            capture.setSuccess(true);
            capture.setOrderPayment(payment);
            payment.addTransaction(capture);
            cart.getPayments().add(payment);
            cart = orders.save(cart, false);
            return submit.submit(cart);
        });
    }

    /** Broadleaf's own last step of a checkout: the checkout workflow on a paid cart. */
    public static Order submit(Order cart) throws Exception {
        return BroadleafSite.bean("blCheckoutService", CheckoutService.class)
                .performCheckout(cart)
                .getOrder();
    }

    /** The last step of a checkout, on the cart built and paid for. */
    @FunctionalInterface
    public interface Submit {
        Order submit(Order cart) throws Exception;
    }

    /** A fresh product (for reviews), as its id. */
    public static long newProduct(String name) throws Exception {
        return BroadleafSite.inRequest(() -> newProduct(
                        BroadleafSite.bean("blCatalogService", CatalogService.class), new Line(name, "10.00", 1))
                .getId());
    }

    private static Product newProduct(CatalogService catalog, Line line) {
        Sku sku = catalog.createSku();
        sku.setName(line.name());
        sku.setRetailPrice(new Money(new BigDecimal(line.price())));
        sku.setActiveStartDate(new Date(System.currentTimeMillis() - 86_400_000L));
        sku.setDiscountable(true);
        Product product = catalog.createProduct(ProductType.PRODUCT);
        product.setDefaultSku(sku);
        product.setManufacturer("Heat Clinic");
        sku.setDefaultProduct(product);
        return catalog.saveProduct(product);
    }
}
