package io.loyaltyloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.LoyaltyLoopApplication;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void dataSurvivesARestartOnTheSameDataDirectory() {
        NewShop newShop = new NewShop(Platform.BROADLEAF, "site-42", "Restart Outfitters", "EUR", "Europe/Berlin");
        Shop registered;
        try (ConfigurableApplicationContext first = start()) {
            registered = first.getBean(ShopService.class).register(newShop);
        }
        assertThat(dataDirectory.resolve("PG_VERSION"))
                .as("the cluster lives in the data directory")
                .exists();
        assertThat(PostmasterPid.running(dataDirectory))
                .as("the first run stopped its server")
                .isEmpty();

        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(ShopService.class).findShop(Platform.BROADLEAF, "site-42"))
                    .contains(registered);
        }
    }

    private ConfigurableApplicationContext start() {
        // As arguments: SpringApplicationBuilder.properties() would lose to application.yml.
        return new SpringApplicationBuilder(LoyaltyLoopApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--loyalty.database.embedded.data-directory=" + dataDirectory,
                        // Not what this test is about; spares it the scheduler's threads.
                        "--db-scheduler.enabled=false");
    }
}
