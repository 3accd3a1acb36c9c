package io.loyaltyloop.shopify.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a bulk query's JSONL result one line at a time and hands over one order at a time, with
 * its children: the file is never held whole (a million orders is gigabytes).
 *
 * <p>The operation runs with {@code groupObjects: true}, so every child line ({@code __parentId}) comes
 * after its parent and before the next order. A child is the order's when its {@code __parentId} is
 * the order or one of the order's refunds.
 *
 * <p>A line that is not JSON cannot say whose it is. If its text names the open order or one of its
 * refunds as {@code __parentId}, it was one of that order's children and the order is rejected
 * (incomplete, it would earn on the wrong amount); otherwise it was an order of its own, which is
 * rejected together with the children that follow it. Either way the other orders go on.
 */
public final class BulkJsonl {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Where the orders go. */
    public interface Sink {
        void order(BulkOrder order);

        /**
         * Something that cannot be used.
         *
         * @param anOrder an order (with whatever children it had), rather than a stray child line
         */
        void rejected(String reason, boolean anOrder);
    }

    private BulkJsonl() {}

    /**
     * @param expectedObjects the operation's {@code objectCount}: one object per line
     * @return the number of objects (non-blank lines) read
     * @throws IOException when the stream fails or ends before {@code expectedObjects}; the order
     *     being read then is not handed over (it may lack children), the ones before it were
     */
    public static long read(BufferedReader in, long expectedObjects, Sink sink) throws IOException {
        Group open = null;
        long objects = 0;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            objects++;
            JsonNode node = parse(line);
            if (node == null) {
                if (open != null && open.namesAsParent(line)) {
                    open.taint("line " + objects + " (a child of " + open.id + ") is not JSON");
                } else {
                    close(open, sink);
                    open = Group.tainted("line " + objects + " (an order) is not JSON");
                }
                continue;
            }
            String parentId =
                    node.path("__parentId").isString() ? node.get("__parentId").stringValue() : null;
            if (parentId == null) {
                close(open, sink);
                open = Group.of(node);
            } else if (open != null && (open.ids.contains(parentId) || open.id == null)) {
                // open.id == null: the children of an order whose line was unreadable.
                open.add(node);
            } else {
                sink.rejected("line " + objects + ": its parent " + parentId + " is not the order before it", false);
            }
        }
        if (objects < expectedObjects) {
            throw new IOException("the file ended after " + objects + " of " + expectedObjects + " objects");
        }
        close(open, sink);
        return objects;
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void close(Group group, Sink sink) {
        if (group == null) {
            return;
        }
        if (group.taint != null) {
            sink.rejected(group.id == null ? group.taint : "order " + group.id + ": " + group.taint, true);
        } else {
            sink.order(new BulkOrder(group.order, group.lineItems, group.refundLineItems));
        }
    }

    /** The order being read and its children so far. */
    private static final class Group {
        final String id;
        final JsonNode order;
        final Set<String> ids = new HashSet<>();
        final List<JsonNode> lineItems = new ArrayList<>();
        final List<JsonNode> refundLineItems = new ArrayList<>();
        String taint;

        private Group(String id, JsonNode order) {
            this.id = id;
            this.order = order;
        }

        static Group of(JsonNode order) {
            String id = order.path("id").isString() ? order.get("id").stringValue() : null;
            Group group = new Group(id == null ? "(no id)" : id, order);
            group.ids.add(group.id);
            for (JsonNode refund : order.path("refunds").values()) {
                if (refund.path("id").isString()) {
                    group.ids.add(refund.get("id").stringValue());
                }
            }
            if (id == null) {
                group.taint = "the order has no id";
            }
            return group;
        }

        static Group tainted(String reason) {
            Group group = new Group(null, null);
            group.taint = reason;
            return group;
        }

        boolean namesAsParent(String rawLine) {
            return ids.stream().anyMatch(id -> rawLine.contains("\"__parentId\":\"" + id + "\""));
        }

        void taint(String reason) {
            if (taint == null) {
                taint = reason;
            }
        }

        void add(JsonNode child) {
            String childId = child.path("id").isString() ? child.get("id").stringValue() : "";
            if (childId.startsWith("gid://shopify/RefundLineItem/")) {
                refundLineItems.add(child);
            } else if (childId.startsWith("gid://shopify/LineItem/")) {
                lineItems.add(child);
            } else {
                taint("child " + childId + " is neither a line item nor a refund line");
            }
        }
    }
}
