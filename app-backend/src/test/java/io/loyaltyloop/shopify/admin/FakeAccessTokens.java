package io.loyaltyloop.shopify.admin;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** One shop's token, replaced by {@link #refresh} with the next one we were given. */
public final class FakeAccessTokens implements AccessTokens {

    private volatile String current;
    private final String afterRefresh;
    public final AtomicInteger refreshes = new AtomicInteger();
    public final List<String> rejected = new CopyOnWriteArrayList<>();

    public FakeAccessTokens(String current, String afterRefresh) {
        this.current = current;
        this.afterRefresh = afterRefresh;
    }

    @Override
    public String forShop(String shop) {
        return current;
    }

    @Override
    public String refresh(String shop, String rejectedToken) {
        refreshes.incrementAndGet();
        rejected.add(rejectedToken);
        current = afterRefresh;
        return current;
    }
}
