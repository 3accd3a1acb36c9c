package io.loyaltyloop.system;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LinksProperties.class)
class LinksConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LinksConfiguration.class);

    @Bean
    LinkSigner linkSigner(LinksProperties properties) {
        if (properties.key() == null || properties.key().isBlank()) {
            log.warn("LOYALTY_LINK_KEY is not set: links in emails are signed with a key made for this run"
                    + " and stop working at the next restart");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return new LinkSigner(key);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(properties.key().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("loyalty.links.key (LOYALTY_LINK_KEY) is not base64", e);
        }
        return new LinkSigner(key);
    }
}
