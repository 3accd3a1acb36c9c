package io.loyaltyloop.system;

import io.loyaltyloop.admin.access.AdminAccountException;
import io.loyaltyloop.admin.access.AdminAccounts;
import io.loyaltyloop.admin.access.AdminRole;
import io.loyaltyloop.admin.access.StoreKeys;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code admin create-account --shop <store> --email <email> --role OWNER|STAFF}: a login for the
 * standalone admin. The password comes from {@code LOYALTY_ADMIN_PASSWORD} or stdin, never from the
 * command line, which {@code ps} shows to everyone on the machine.
 */
@Component
@ConditionalOnProperty(name = OperatorCommands.COMMAND_PROPERTY, havingValue = "admin-create-account")
class CreateAdminAccountCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String PASSWORD_VARIABLE = OperatorPassword.VARIABLE;
    static final int REFUSED = 1;

    private final ShopService shops;
    private final AdminAccounts accounts;
    private volatile int exitCode = OperatorCommands.FAILED;

    CreateAdminAccountCommand(ShopService shops, AdminAccounts accounts) {
        this.shops = shops;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Optional<String> store = OperatorCommands.option(args, "shop");
        Optional<String> email = OperatorCommands.option(args, "email");
        Optional<AdminRole> role = OperatorCommands.option(args, "role").flatMap(CreateAdminAccountCommand::role);
        if (store.isEmpty() || email.isEmpty() || role.isEmpty()) {
            System.err.println("Usage: admin create-account --shop <store> --email <email> --role OWNER|STAFF");
            exitCode = OperatorCommands.USAGE_ERROR;
            return;
        }
        Optional<Shop> shop = StoreKeys.find(shops, store.get());
        if (shop.isEmpty()) {
            System.err.println("No installed store " + store.get());
            exitCode = REFUSED;
            return;
        }
        try {
            accounts.create(shop.get().id(), email.get(), OperatorPassword.read(), role.get());
        } catch (AdminAccountException e) {
            System.err.println("Not created: " + e.getMessage());
            exitCode = REFUSED;
            return;
        }
        System.out.println("Created %s account %s for %s".formatted(role.get(), email.get(), store.get()));
        System.out.flush();
        exitCode = 0;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private static Optional<AdminRole> role(String value) {
        try {
            return Optional.of(AdminRole.valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
