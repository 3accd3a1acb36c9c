package io.loyaltyloop.broadleaf.site;

import io.loyaltyloop.admin.access.AdminAccountException;
import io.loyaltyloop.admin.access.AdminAccounts;
import io.loyaltyloop.admin.access.AdminRole;
import io.loyaltyloop.system.OperatorCommands;
import io.loyaltyloop.system.OperatorPassword;
import java.io.IOException;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code broadleaf register-site --site-id --name --url --currency --timezone [--owner-email]}:
 * registers a Broadleaf site and prints its secret, once (it is stored encrypted and never shown
 * again; a lost secret is rotated). With {@code --owner-email}, the first OWNER login of the
 * standalone admin too, its password read like {@code admin create-account}'s.
 */
@Component
@ConditionalOnProperty(name = OperatorCommands.COMMAND_PROPERTY, havingValue = "broadleaf-register-site")
class RegisterSiteCommand implements ApplicationRunner, ExitCodeGenerator {

    static final int REFUSED = 1;
    static final String USAGE = "Usage: broadleaf register-site --site-id <id> --name <name> --url <https://site>"
            + " --currency <ISO 4217> --timezone <zone> [--owner-email <email>]";

    private final BroadleafSites sites;
    private final AdminAccounts accounts;
    private volatile int exitCode = OperatorCommands.FAILED;

    RegisterSiteCommand(BroadleafSites sites, AdminAccounts accounts) {
        this.sites = sites;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Optional<String> siteId = OperatorCommands.option(args, "site-id");
        Optional<String> name = OperatorCommands.option(args, "name");
        Optional<String> url = OperatorCommands.option(args, "url");
        Optional<String> currency = OperatorCommands.option(args, "currency");
        Optional<String> timezone = OperatorCommands.option(args, "timezone");
        Optional<String> owner = OperatorCommands.option(args, "owner-email");
        if (siteId.isEmpty() || name.isEmpty() || url.isEmpty() || currency.isEmpty() || timezone.isEmpty()) {
            System.err.println(USAGE);
            exitCode = OperatorCommands.USAGE_ERROR;
            return;
        }
        // Read before anything is written, so that a missing password leaves no half-registered site.
        String password = owner.isPresent() ? OperatorPassword.read() : null;
        BroadleafSites.Registered registered;
        try {
            registered = sites.register(new NewSite(
                    siteId.get(), name.get(), url.get(), currency.get(), timezone.get(), owner.orElse(null)));
        } catch (InvalidSiteException e) {
            System.err.println("Not registered: " + e.getMessage());
            exitCode = REFUSED;
            return;
        }
        System.out.println("Registered Broadleaf site " + registered.site().siteId() + " at "
                + registered.site().baseUrl());
        System.out.println("Shared secret (shown once; put it in the site's loyaltyloop.site.secret):");
        System.out.println(registered.secret());
        exitCode = 0;
        if (owner.isPresent()) {
            try {
                accounts.create(registered.site().shop().id(), owner.get(), password, AdminRole.OWNER);
                System.out.println("Created OWNER account " + owner.get());
            } catch (AdminAccountException e) {
                System.err.println("Site registered, but the account was not created: " + e.getMessage()
                        + " (run admin create-account --shop " + siteId.get() + ")");
                exitCode = REFUSED;
            }
        }
        System.out.flush();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
