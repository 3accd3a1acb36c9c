/** The loyalty admin screens for store admins; built on the core facades (admin issue). */
package io.loyaltyloop.admin;
