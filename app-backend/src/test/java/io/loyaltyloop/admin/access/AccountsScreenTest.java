package io.loyaltyloop.admin.access;

import static io.loyaltyloop.admin.access.AdminFixtures.PASSWORD;
import static io.loyaltyloop.db.Tables.ADMIN_ACCOUNT;
import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.auth.SessionTokens;
import io.loyaltyloop.system.PageClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jooq.Record2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The standalone accounts screen: OWNERs manage the shop's accounts, everyone changes their own
 * password, the last OWNER stays, and every refusal changes nothing.
 */
class AccountsScreenTest extends AdminWebTest {

    private static final String NEW_PASSWORD = "a much longer new password";

    @Autowired
    AdminAccounts accounts;

    Shop shop;
    long owner;
    long staff;

    @BeforeEach
    void shopWithAnOwnerAndAStaffMember() {
        shop = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        owner = accounts.create(shop.id(), "owner@accounts.test", PASSWORD, AdminRole.OWNER);
        staff = accounts.create(shop.id(), "staff@accounts.test", PASSWORD, AdminRole.STAFF);
    }

    @Test
    void anOwnerSeesTheAccountsAsAWholePageOrAsTheContent() {
        login("owner@accounts.test");

        HttpResponse<String> page = client.get("/admin/accounts");
        HttpResponse<String> fragment = client.get("/admin/accounts", "HX-Request", "true");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html", "class=\"topbar-link\"", ">Accounts<", "owner@accounts.test", "staff@accounts.test")
                .contains("Add an account", "Change your password", "Never", "name=\"_csrf\"");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("staff@accounts.test").doesNotContain("<html", "<nav");
    }

    @Test
    void staffSeeOnlyTheirPasswordFormAndNoChanges() {
        login("staff@accounts.test");

        HttpResponse<String> page = client.get("/admin/accounts");

        assertThat(page.body())
                .contains("Your account", "Change your password")
                .doesNotContain("Add an account", "Save role", ">Remove<");
    }

    @Test
    void anOwnerAddsAStaffAccountThatCanLogInAndIsAudited() {
        login("owner@accounts.test");

        HttpResponse<String> answer = post("/admin/accounts", create("new@accounts.test", "STAFF"), true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("The account was added.", "new@accounts.test");
        assertThat(roleOf("new@accounts.test")).isEqualTo("STAFF");
        assertThat(audited("admin.account.create")).containsExactly("admin:owner@accounts.test");
        HttpResponse<String> login =
                new AdminClient(port).login(shop.platformShopKey(), "new@accounts.test", NEW_PASSWORD);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
    }

    @Test
    void aPlainFormIsRedirectedBackToTheScreen() {
        login("owner@accounts.test");

        HttpResponse<String> answer = post("/admin/accounts", create("plain@accounts.test", "OWNER"), false);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/accounts"));
        assertThat(roleOf("plain@accounts.test")).isEqualTo("OWNER");
    }

    @Test
    void aShortPasswordIsRefusedNextToItsField() {
        assertCreateRefused(
                form("email", "x@accounts.test", "role", "STAFF", "password", "short", "passwordRepeat", "short"),
                "new-password-error",
                "at least 12 characters");
    }

    @Test
    void passwordsThatDifferAreRefused() {
        assertCreateRefused(
                form(
                        "email",
                        "x@accounts.test",
                        "role",
                        "STAFF",
                        "password",
                        NEW_PASSWORD,
                        "passwordRepeat",
                        NEW_PASSWORD + "!"),
                "new-password-repeat-error",
                "the two passwords differ");
    }

    @Test
    void aMalformedEmailIsRefused() {
        assertCreateRefused(create("not-an-email", "STAFF"), "new-email-error", "not an email address");
    }

    @Test
    void anEmailThatAlreadyHasAnAccountIsRefused() {
        assertCreateRefused(create("STAFF@accounts.test", "OWNER"), "new-email-error", "already has an account");
        assertThat(roleOf("staff@accounts.test")).isEqualTo("STAFF");
    }

    @Test
    void anUnknownRoleIsABadRequest() {
        login("owner@accounts.test");

        HttpResponse<String> answer = post("/admin/accounts", create("x@accounts.test", "ADMIN"), true);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(accountCount()).isEqualTo(2);
    }

    @Test
    void staffCannotAddChangeOrRemoveAccounts() {
        login("staff@accounts.test");

        assertThat(post("/admin/accounts", create("x@accounts.test", "OWNER"), true)
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/admin/accounts/" + staff + "/role", form("role", "OWNER"), true)
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/admin/accounts/" + owner + "/remove", form(), true).statusCode())
                .isEqualTo(403);

        assertThat(accountCount()).isEqualTo(2);
        assertThat(roleOf("staff@accounts.test")).isEqualTo("STAFF");
    }

    @Test
    void aChangeWithoutCsrfTokenIsForbidden() {
        login("owner@accounts.test");

        HttpResponse<String> answer = client.post("/admin/accounts/" + staff + "/remove", form(), "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(accountCount()).isEqualTo(2);
    }

    @Test
    void anOwnerPromotesStaffAndTheChangeIsAudited() {
        login("owner@accounts.test");

        HttpResponse<String> answer = post("/admin/accounts/" + staff + "/role", form("role", "OWNER"), true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(roleOf("staff@accounts.test")).isEqualTo("OWNER");
        assertThat(audited("admin.account.update")).containsExactly("admin:owner@accounts.test");
    }

    @Test
    void theLastOwnerCannotBeDemoted() {
        login("owner@accounts.test");

        HttpResponse<String> answer = post("/admin/accounts/" + owner + "/role", form("role", "STAFF"), true);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("last owner cannot be demoted or removed");
        assertThat(roleOf("owner@accounts.test")).isEqualTo("OWNER");
        assertThat(audited("admin.account.update")).isEmpty();
    }

    @Test
    void theLastOwnerCannotBeRemoved() {
        login("owner@accounts.test");

        HttpResponse<String> answer = post("/admin/accounts/" + owner + "/remove", form(), true);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(accountCount()).isEqualTo(2);
    }

    @Test
    void anOwnerRemovesAnAccountWhoseSessionEndsAtOnce() {
        AdminClient staffClient = new AdminClient(port);
        staffClient.login(shop.platformShopKey(), "staff@accounts.test", PASSWORD);
        login("owner@accounts.test");

        HttpResponse<String> answer = post("/admin/accounts/" + staff + "/remove", form(), true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("The account was removed.").doesNotContain("staff@accounts.test");
        assertThat(accountCount()).isEqualTo(1);
        assertThat(audited("admin.account.remove")).containsExactly("admin:owner@accounts.test");
        assertThat(staffClient.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void anotherShopsAccountIsNotFoundAndUnchanged() {
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        long foreign = accounts.create(other.id(), "owner@other.test", PASSWORD, AdminRole.STAFF);
        accounts.create(other.id(), "boss@other.test", PASSWORD, AdminRole.OWNER);
        login("owner@accounts.test");

        assertThat(post("/admin/accounts/" + foreign + "/role", form("role", "OWNER"), true)
                        .statusCode())
                .isEqualTo(404);
        assertThat(post("/admin/accounts/" + foreign + "/remove", form(), true).statusCode())
                .isEqualTo(404);

        assertThat(dsl.fetchCount(
                        ADMIN_ACCOUNT,
                        ADMIN_ACCOUNT.ADMIN_ACCOUNT_ID.eq(foreign).and(ADMIN_ACCOUNT.ROLE.eq("STAFF"))))
                .isEqualTo(1);
    }

    @Test
    void aMalformedAccountIdIsABadRequest() {
        login("owner@accounts.test");

        assertThat(post("/admin/accounts/abc/remove", form(), true).statusCode())
                .isEqualTo(400);
        assertThat(accountCount()).isEqualTo(2);
    }

    @Test
    void staffChangeTheirOwnPasswordWithTheCurrentOne() {
        login("staff@accounts.test");

        HttpResponse<String> answer = post("/admin/accounts/password", password(PASSWORD, NEW_PASSWORD), true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Your password was changed.");
        assertThat(audited("admin.account.password")).containsExactly("admin:staff@accounts.test");
        HttpResponse<String> login =
                new AdminClient(port).login(shop.platformShopKey(), "staff@accounts.test", NEW_PASSWORD);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndTheOldOneStillWorks() {
        login("staff@accounts.test");

        HttpResponse<String> answer =
                post("/admin/accounts/password", password("not the current one", NEW_PASSWORD), true);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("id=\"current-password-error\"", "the current password is not right");
        assertThat(audited("admin.account.password")).isEmpty();
        HttpResponse<String> login =
                new AdminClient(port).login(shop.platformShopKey(), "staff@accounts.test", PASSWORD);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
    }

    @Test
    void theEmbeddedAdminHasNoAccountsScreen() {
        String bearer = "Bearer " + SessionTokens.token(SHOPIFY_SECRET, shop.platformShopKey(), clock.instant());

        HttpResponse<String> page = client.get("/admin/accounts", "HX-Request", "true", "Authorization", bearer);
        HttpResponse<String> create = client.post(
                "/admin/accounts", create("x@accounts.test", "OWNER"), "HX-Request", "true", "Authorization", bearer);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(create.statusCode()).isEqualTo(404);
        assertThat(accountCount()).isEqualTo(2);
        HttpResponse<String> dashboard = client.get("/admin", "HX-Request", "true", "Authorization", bearer);
        assertThat(dashboard.body()).doesNotContain("topbar-link");
    }

    private void assertCreateRefused(Map<String, String> form, String errorId, String message) {
        login("owner@accounts.test");

        HttpResponse<String> answer = post("/admin/accounts", form, true);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("id=\"" + errorId + "\"", message).doesNotContain("<html");
        assertThat(accountCount()).isEqualTo(2);
        assertThat(audited("admin.account.create")).isEmpty();
    }

    private void login(String email) {
        client.login(shop.platformShopKey(), email, PASSWORD);
    }

    private HttpResponse<String> post(String path, Map<String, String> form, boolean htmx) {
        return htmx
                ? client.postWithCsrf("/admin/accounts", path, form, "HX-Request", "true")
                : client.postWithCsrf("/admin/accounts", path, form);
    }

    private static Map<String, String> create(String email, String role) {
        return form("email", email, "role", role, "password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD);
    }

    private static Map<String, String> password(String current, String replacement) {
        return form("current", current, "password", replacement, "passwordRepeat", replacement);
    }

    private static Map<String, String> form(String... pairs) {
        return PageClient.form(pairs);
    }

    private String roleOf(String email) {
        return dsl.select(ADMIN_ACCOUNT.ROLE)
                .from(ADMIN_ACCOUNT)
                .where(ADMIN_ACCOUNT.SHOP_ID.eq(shop.id().value()))
                .and(ADMIN_ACCOUNT.EMAIL.eq(email))
                .fetchOne(ADMIN_ACCOUNT.ROLE);
    }

    private int accountCount() {
        return dsl.fetchCount(ADMIN_ACCOUNT, ADMIN_ACCOUNT.SHOP_ID.eq(shop.id().value()));
    }

    private List<String> audited(String action) {
        return dsl.select(AUDIT_LOG.ACTOR, AUDIT_LOG.ACTION)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.SHOP_ID.eq(shop.id().value()))
                .and(AUDIT_LOG.ACTION.eq(action))
                .fetch(Record2::value1);
    }
}
