/**
 * The admin's page shell: the layout every screen renders into, the navigation, the login page and
 * the whole-page-or-fragment choice. Full loads get the whole page; htmx requests ({@code HX-Request}) get
 * only the page's {@code content} fragment, which htmx swaps into {@code <main>}.
 */
package io.loyaltyloop.admin.shell;
