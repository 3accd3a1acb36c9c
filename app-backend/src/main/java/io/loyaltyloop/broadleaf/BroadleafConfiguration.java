package io.loyaltyloop.broadleaf;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The Broadleaf edge's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BroadleafProperties.class)
class BroadleafConfiguration {}
