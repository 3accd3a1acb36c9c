/** The post-purchase journey's runtime: settings from the environment, and the dispatcher of due steps. */
package io.loyaltyloop.journey;
