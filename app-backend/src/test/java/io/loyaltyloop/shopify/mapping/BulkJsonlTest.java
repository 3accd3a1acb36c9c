package io.loyaltyloop.shopify.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.shopify.importing.OrderImportTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a grouped bulk result one order at a time. */
class BulkJsonlTest {

    private final List<BulkOrder> orders = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private int rejectedOrders;

    private final BulkJsonl.Sink sink = new BulkJsonl.Sink() {
        @Override
        public void order(BulkOrder order) {
            orders.add(order);
        }

        @Override
        public void rejected(String reason, boolean anOrder) {
            rejected.add(reason);
            rejectedOrders += anOrder ? 1 : 0;
        }
    };

    @Test
    void groupsEachOrderWithItsLineItemsAndItsRefundsLines() throws IOException {
        long objects = read(OrderImportTest.file("orders.jsonl"), 10);

        assertThat(objects).isEqualTo(10);
        assertThat(orders)
                .extracting(o -> o.order().get("id").asString())
                .containsExactly(
                        "gid://shopify/Order/1000",
                        "gid://shopify/Order/1001",
                        "gid://shopify/Order/1002",
                        "gid://shopify/Order/1003");
        BulkOrder refunded = orders.get(1);
        assertThat(refunded.lineItems()).hasSize(2);
        assertThat(refunded.refundLineItems())
                .extracting(l -> l.get("__parentId").asString())
                .containsExactly("gid://shopify/Refund/9001");
        assertThat(rejected).isEmpty();
    }

    @Test
    void anUnreadableChildRejectsItsOrderOnly() throws IOException {
        String file = order(1)
                + "{\"id\":\"gid://shopify/LineItem/11\",\"quantity\":\"__parentId\":\"gid://shopify/Order/1\"}\n"
                + order(2);

        read(file, 3);

        assertThat(orders).extracting(o -> o.order().get("id").asString()).containsExactly("gid://shopify/Order/2");
        assertThat(rejected).singleElement().asString().contains("order gid://shopify/Order/1", "line 2");
        assertThat(rejectedOrders).isEqualTo(1);
    }

    @Test
    void anUnreadableOrderIsRejectedWithTheChildrenThatFollowIt() throws IOException {
        String file =
                order(1) + "{\"id\":\"gid://shopify/Order/2\",\"name\":\n" + child(21, 2) + child(22, 2) + order(3);

        read(file, 5);

        assertThat(orders)
                .extracting(o -> o.order().get("id").asString())
                .containsExactly("gid://shopify/Order/1", "gid://shopify/Order/3");
        assertThat(rejected).singleElement().asString().contains("line 2 (an order) is not JSON");
    }

    @Test
    void aChildOfAnotherOrderIsRejectedAlone() throws IOException {
        read(order(1) + child(21, 9) + child(11, 1), 3);

        assertThat(orders)
                .singleElement()
                .satisfies(o -> assertThat(o.lineItems()).hasSize(1));
        assertThat(rejected).singleElement().asString().contains("its parent gid://shopify/Order/9");
        assertThat(rejectedOrders).isZero();
    }

    @Test
    void aFileEndingBeforeItsObjectCountFailsWithoutHandingOverTheLastOrder() {
        assertThatThrownBy(() -> read(order(1) + child(11, 1) + order(2) + child(21, 2), 5))
                .isInstanceOf(IOException.class)
                .hasMessage("the file ended after 4 of 5 objects");
        // Order 2 may have had more lines: only order 1 is known whole.
        assertThat(orders).extracting(o -> o.order().get("id").asString()).containsExactly("gid://shopify/Order/1");
    }

    private long read(String file, long expectedObjects) throws IOException {
        return BulkJsonl.read(new BufferedReader(new StringReader(file)), expectedObjects, sink);
    }

    private static String order(int id) {
        return "{\"id\":\"gid://shopify/Order/" + id + "\",\"refunds\":[],\"fulfillments\":[]}\n";
    }

    private static String child(int id, int order) {
        return "{\"id\":\"gid://shopify/LineItem/" + id + "\",\"__parentId\":\"gid://shopify/Order/" + order + "\"}\n";
    }
}
