package io.loyaltyloop.admin.access;

import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.system.Transactions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Local admin accounts for the standalone admin: creating them (the operator command and the
 * accounts screen), checking a login, changing roles and passwords, removing. Passwords are stored as
 * bcrypt; a login for an unknown email still runs one bcrypt check, so the answer's timing does not
 * tell which emails have accounts. Invariant: a shop that has accounts keeps at least one OWNER —
 * the last one can be neither demoted nor removed. Changes made by a person are audited
 * ({@code admin.account.*}) in the change's transaction.
 */
@Service
public class AdminAccounts {

    /** NIST SP 800-63B's minimum for passwords a person chooses is 8; an admin account deserves more. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /** bcrypt reads only the first 72 bytes; longer passwords would silently share a hash. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final AdminAccountRepository repository;
    private final Clock clock;
    private final AuditLog audit;
    private final Transactions transactions;
    private final PasswordEncoder encoder = new BCryptPasswordEncoder();
    private final String unknownUserHash = encoder.encode("no account has this password");

    AdminAccounts(AdminAccountRepository repository, Clock clock, DSLContext dsl) {
        this.repository = repository;
        this.clock = clock;
        this.audit = new AuditLog(dsl);
        this.transactions = new Transactions(dsl);
    }

    /**
     * Creates an account; the email is kept lower-case.
     *
     * @throws AdminAccountException when the email is malformed, the password too short or too long,
     *     or the shop already has an account with this email
     */
    public long create(ShopId shop, String email, String password, AdminRole role) {
        String normalized = normalize(email);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw new AdminAccountException("email", "not an email address: " + email);
        }
        String hash = hash(password);
        return repository
                .insert(shop, normalized, hash, role, clock.instant())
                .orElseThrow(
                        () -> new AdminAccountException("email", "the shop already has an account for " + normalized));
    }

    /** {@link #create}, by a person in the admin: audited as {@code admin.account.create}. */
    long create(ShopId shop, String email, String password, AdminRole role, String actor) {
        return transactions.inTransaction(() -> {
            long id = create(shop, email, password, role);
            audit.record(shop, actor, "admin.account.create", "admin-account:" + id, Map.of("role", role));
            return id;
        });
    }

    /** The shop's accounts, oldest first. */
    List<AdminAccount> list(ShopId shop) {
        return repository.list(shop);
    }

    Optional<AdminAccount> find(ShopId shop, String email) {
        return repository.find(shop, normalize(email));
    }

    /** @throws AdminAccountException when this would leave the shop without an OWNER */
    void changeRole(ShopId shop, long id, AdminRole role, String actor) {
        transactions.run(() -> {
            AdminAccount account = repository.find(shop, id).orElseThrow(() -> new AccountNotFoundException(id));
            if (account.role() == role) {
                return;
            }
            requireAnotherOwner(shop, account, "role");
            repository.updateRole(shop, id, role);
            audit.record(shop, actor, "admin.account.update", "admin-account:" + id, Map.of("role", role));
        });
    }

    /** @throws AdminAccountException when this is the shop's last OWNER */
    void remove(ShopId shop, long id, String actor) {
        transactions.run(() -> {
            AdminAccount account = repository.find(shop, id).orElseThrow(() -> new AccountNotFoundException(id));
            requireAnotherOwner(shop, account, "remove");
            repository.delete(shop, id);
            audit.record(shop, actor, "admin.account.remove", "admin-account:" + id, Map.of("email", account.email()));
        });
    }

    /**
     * Changes the password of the account {@code email} names, which must know its current one.
     *
     * @throws AdminAccountException when the current password is wrong or the new one unfit
     */
    void changePassword(ShopId shop, String email, String current, String replacement, String actor) {
        AdminAccount account = find(shop, email).orElseThrow(() -> new AccountNotFoundException(0));
        if (current == null || !encoder.matches(current, account.passwordHash())) {
            throw new AdminAccountException("current", "the current password is not right");
        }
        String hash = hash(replacement);
        transactions.run(() -> {
            repository.updatePassword(shop, account.id(), hash);
            audit.record(shop, actor, "admin.account.password", "admin-account:" + account.id(), Map.of());
        });
    }

    /** The account these credentials open, recording the login; empty when they open none. */
    Optional<AdminAccount> login(ShopId shop, String email, String password) {
        Optional<AdminAccount> account = shop == null ? Optional.empty() : repository.find(shop, normalize(email));
        String hash = account.map(AdminAccount::passwordHash).orElse(unknownUserHash);
        boolean matches = password != null && encoder.matches(password, hash);
        if (account.isEmpty() || !matches) {
            return Optional.empty();
        }
        repository.recordLogin(shop, account.get().id(), clock.instant());
        return account;
    }

    /** One bcrypt check against no account: a refused attempt takes as long as a wrong password. */
    void checkNothing(String password) {
        encoder.matches(password == null ? "" : password, unknownUserHash);
    }

    private void requireAnotherOwner(ShopId shop, AdminAccount account, String field) {
        if (account.role() == AdminRole.OWNER && repository.lockOwners(shop) <= 1) {
            throw new AdminAccountException(field, "the shop's last owner cannot be demoted or removed");
        }
    }

    private String hash(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AdminAccountException(
                    "password", "the password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AdminAccountException(
                    "password", "the password may have at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        return encoder.encode(password);
    }

    private static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
