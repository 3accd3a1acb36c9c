package io.loyaltyloop.broadleaf.site;

import io.loyaltyloop.system.OperatorCommands;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code broadleaf rotate-secret --site-id <id>}: a new shared secret for the site, printed once; the
 * previous one stays valid for {@link BroadleafSites#ROTATION_OVERLAP}, time to configure the site.
 */
@Component
@ConditionalOnProperty(name = OperatorCommands.COMMAND_PROPERTY, havingValue = "broadleaf-rotate-secret")
class RotateSecretCommand implements ApplicationRunner, ExitCodeGenerator {

    static final int UNKNOWN_SITE = 1;

    private final BroadleafSites sites;
    private volatile int exitCode = OperatorCommands.FAILED;

    RotateSecretCommand(BroadleafSites sites) {
        this.sites = sites;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<String> siteId = OperatorCommands.option(args, "site-id");
        if (siteId.isEmpty()) {
            System.err.println("Usage: broadleaf rotate-secret --site-id <id>");
            exitCode = OperatorCommands.USAGE_ERROR;
            return;
        }
        Optional<Site> site = sites.find(siteId.get());
        if (site.isEmpty()) {
            System.err.println("No Broadleaf site " + siteId.get());
            exitCode = UNKNOWN_SITE;
            return;
        }
        String secret = sites.rotate(site.get().shop().id());
        System.out.println("New shared secret of " + siteId.get() + " (shown once; the previous one is accepted for"
                + " 24 hours more):");
        System.out.println(secret);
        System.out.flush();
        exitCode = 0;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
