package io.loyaltyloop.admin.access;

import io.loyaltyloop.shop.ShopId;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Local admin accounts for the standalone admin: creating them (the operator command) and checking a
 * login. Passwords are stored as bcrypt; a login for an unknown email still runs one bcrypt check, so
 * the answer's timing does not tell which emails have accounts.
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
    private final PasswordEncoder encoder = new BCryptPasswordEncoder();
    private final String unknownUserHash = encoder.encode("no account has this password");

    AdminAccounts(AdminAccountRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
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
            throw new AdminAccountException("not an email address: " + email);
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AdminAccountException("the password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AdminAccountException("the password may have at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        return repository
                .insert(shop, normalized, encoder.encode(password), role, clock.instant())
                .orElseThrow(() -> new AdminAccountException("the shop already has an account for " + normalized));
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

    private static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
