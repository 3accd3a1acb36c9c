package io.loyaltyloop.broadleaf.site;

import io.loyaltyloop.broadleaf.BroadleafProperties;
import io.loyaltyloop.broadleaf.BroadleafProperties.BootstrapSite;
import io.loyaltyloop.system.OperatorCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Registers the sites of {@code loyalty.broadleaf.bootstrap-sites} at startup, or brings them in line
 * with the environment (URL, secret): the demo and the plugin's end-to-end test start a backend that
 * already knows their site, with a secret the environment gave both sides.
 */
@Component
class BootstrapSites implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapSites.class);

    private final BroadleafSites sites;
    private final BroadleafProperties properties;
    private final Environment environment;

    BootstrapSites(BroadleafSites sites, BroadleafProperties properties, Environment environment) {
        this.sites = sites;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.containsProperty(OperatorCommands.COMMAND_PROPERTY)) {
            return;
        }
        properties.bootstrapSites().forEach(this::ensure);
    }

    void ensure(BootstrapSite site) {
        sites.ensure(
                new NewSite(site.siteId(), site.name(), site.url(), site.currency(), site.timezone(), null),
                site.secret());
        log.info("Broadleaf site {} registered from the environment at {}", site.siteId(), site.url());
    }
}
